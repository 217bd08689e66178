"""A handout of one article for a clinician visit: what goes in (`content`, `questions`), how it is
written out (`as_html`, `as_markdown`, `as_text`), printed to PDF (`pdf`) and named on disk (`files`).

Nothing here imports Textual: the command line and the app both use it.
"""
