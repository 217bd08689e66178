"""The shipped library: complete, clean, and in the project's own words."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kratom_tui.library import load_library
from kratom_tui.library.location import shipped_articles
from kratom_tui.library.model import SEVERITIES
from tests.helpers import SHARED, SHIPPED, body_of

REQUIRED_CONDITIONS = {"Restless legs syndrome", "Chronic pain", "Fibromyalgia", "Neuropathic pain", "Sleep", "ADHD"}


def test_shipped_library_is_the_repository_folder() -> None:
    assert shipped_articles().resolve() == SHIPPED.resolve()


def test_five_articles_load_without_problems() -> None:
    library = load_library(SHIPPED)
    assert len(library.articles) == 5
    problems = library.problems + [p for a in library.articles for p in body_of(a).problems]
    assert problems == []


def test_conditions_cover_the_product() -> None:
    library = load_library(SHIPPED)
    assert set(library.catalogue.groups) >= REQUIRED_CONDITIONS
    assert any(len(article.conditions) >= 2 for article in library.articles)


@pytest.mark.parametrize("article_id", [a.id for a in load_library(SHIPPED).articles])
def test_each_article_is_complete(article_id: str) -> None:
    article = load_library(SHIPPED).get(article_id)
    assert article.title and article.summary and article.source and article.evidence
    assert article.risks and all(risk.severity in SEVERITIES and risk.detail for risk in article.risks)
    assert article.disclaimers
    assert article.claims
    body = body_of(article).text
    assert "## " in body and not body.lstrip().startswith("# ")
    for debris in ("close close", "Related Posts", "Meta Description", "Facebook", "min read", "SUBSCRIBE"):
        assert debris.lower() not in body.lower()


def test_fibromyalgia_strain_table_and_faq() -> None:
    body = body_of(load_library(SHIPPED).get("fibromyalgia")).text
    table_rows = [line for line in body.splitlines() if line.startswith("|")]
    assert len(table_rows) >= 5
    faq = body[body.lower().index("frequently asked") :]
    assert faq.count("\n### ") == 10


def test_articles_share_no_run_of_ten_words_with_the_seeds() -> None:
    tool = SHARED / "tools" / "seed-overlap"
    if not tool.exists() or not (SHARED / "seeds").is_dir():
        pytest.skip("../shared (seeds and seed-overlap) is not beside this checkout")
    python = shutil.which("python3")
    result = subprocess.run([python, str(tool), str(SHIPPED), str(SHARED / "seeds")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("0 shared run")
