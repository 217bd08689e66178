"""The reader's own notes and highlights: the user's data, kept apart from state and caches."""
