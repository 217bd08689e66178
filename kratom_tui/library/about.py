"""What the library is, who writes it and how it is kept: shown by `kratom-tui about` and the About screen."""

from __future__ import annotations

ABOUT: tuple[tuple[str, str], ...] = (
    (
        "What this library is for",
        "It gives an account of what a handful of web pages say about kratom for restless legs, chronic "
        "pain, fibromyalgia, nerve pain, sleep and ADHD, and puts every risk and warning those pages name "
        "in plain view. The pages are promotional; the library reports their claims as claims and sets "
        "public-health facts beside them.",
    ),
    (
        "Who wrote it and how it is reviewed",
        "The summaries are written by the kratom-tui developers, in their own words, from captured copies "
        "of the pages. Each one has been checked line by line against its page, and its safety notes against "
        "their public sources; each article shows when its summary was written and last reviewed. No "
        "clinician has reviewed them.",
    ),
    (
        "Money and advertising",
        "The library carries no advertising, links to no shop, and takes no money from anyone who makes or "
        "sells kratom. Where a summarised page itself sells or promotes something, the article says so "
        "under \u201cCommercial interest\u201d.",
    ),
    (
        "How safety notes are chosen and dated",
        "A safety note restates one finding of a public-health body or a peer-reviewed study (FDA, CDC, NIH, "
        "poison centres), names its source and gives the source's own date, or says it is a living page. "
        "Each note also says when the library last checked it. A note is shown beside an article when it "
        "concerns the article's conditions or risks, and a claim names the notes that speak to it.",
    ),
    (
        "Updates",
        "Every article and note has a date by which it is due to be checked again; `kratom-tui check` "
        "warns when one is past due. Facts added beyond the pages always name their source and date.",
    ),
    (
        "Reporting a problem",
        "If something is wrong, out of date or unclear, please report it to the kratom-tui developers "
        "through the project's issue tracker, naming the article and the passage.",
    ),
    (
        "Informs, does not advise",
        "This library informs; it does not advise. It is not medical advice, and it gives no "
        "dosing guidance. Talk to a clinician about any treatment, and in an emergency call your local "
        "emergency number (press ! in the reader for who to call).",
    ),
)


def about_text() -> str:
    """The About text as plain paragraphs under their headings."""
    return "\n\n".join(f"{heading}\n{text}" for heading, text in ABOUT)
