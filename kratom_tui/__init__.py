"""kratom-tui: a keyboard-first terminal reader for a library of health articles about kratom."""

__version__ = "0.1.0"
