"""Modal screens of the reader."""
