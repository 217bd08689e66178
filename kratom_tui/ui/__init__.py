"""The Textual reader: imported only when the app is launched."""
