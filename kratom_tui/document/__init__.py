"""Markdown to Rich renderables, shared by the reader and the `show` command (no Textual here)."""
