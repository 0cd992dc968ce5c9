"""Whatever ingest writes, build accepts.

For any article (the real pages of the development corpus, the seed articles, and generated
text), the records `ingest` writes into a fresh `init` project pass `check` and `build`:
warnings and review flags are how ingest says it is unsure, an invalid record never is.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT

PAGES = sorted((FIXTURES / "pages").glob("*.html"))
SEEDS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))


def fresh_project(cli, folder: Path) -> Path:
    assert cli("init", str(folder)) == 0
    return folder


def ingest_then_build(cli, capsys, project: Path, article: Path) -> None:
    content, templates = str(project / "content"), str(project / "templates")
    code = cli("ingest", str(article), "--content", content, "--published", "2021-03-09")
    ingested = capsys.readouterr()
    assert code == 0, ingested.err
    assert any((project / "content" / kind).glob("*.md") for kind in ("sources",)), ingested.out
    assert cli("check", "--content", content, "--templates", templates) == 0, capsys.readouterr().err
    out = project / "site"
    assert cli("build", "--content", content, "--templates", templates, "--out", str(out), "-q") == 0, \
        capsys.readouterr().err
    assert (out / "index.html").is_file()


@pytest.mark.parametrize("article", PAGES + SEEDS, ids=lambda path: path.name)
def test_every_real_article_ingests_into_records_that_build(article, tmp_path, cli, capsys):
    ingest_then_build(cli, capsys, fresh_project(cli, tmp_path / "briefing"), article)


def test_several_real_articles_in_one_briefing_build(tmp_path, cli, capsys):
    """Articles that share people (a second article adds aliases to the first one's records)."""
    project = fresh_project(cli, tmp_path / "briefing")
    for article in [*SEEDS, *PAGES[:3]]:
        ingest_then_build(cli, capsys, project, article)


# -- generated articles ---------------------------------------------------------

FIRST = ["Ada", "Bram", "Celia", "Dmitri", "Eun-ji", "Farah", "Goran", "Hana", "Ines", "José"]
LAST = ["Okafor", "Brandt", "Lindqvist", "Park", "O'Neill", "Van der Berg", "Nakamura", "Haddad"]
TITLES = ["", "Mayor ", "Dr. ", "Sen. ", "Prince ", "the minister "]
VERBS = ["said", "told reporters", "added", "asked", "replied", "wrote", "insisted", "noted", "warned"]
WHEN = ["", " on Monday", " last week", " on 3 March", " in 2019", " before Thursday's vote", " (last month)"]
PLACES = ["New York", "Westhaven", "the Harbour Board", "Public Health", "the Coastal Ledger"]
NUMBERS = ["7,844", "12", "3.5 million", "40%", "£2bn", "1,200", "nine"]
MARKS = [('"', '"'), ("\u201c", "\u201d"), ("'", "'"), ("\u00ab", "\u00bb"), ("", "")]

names = st.builds(lambda title, first, last: f"{title}{first} {last}",
                  st.sampled_from(TITLES), st.sampled_from(FIRST), st.sampled_from(LAST))
words = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1, max_size=60)
quote_sentence = st.builds(
    lambda marks, said, name, verb, when, order: (
        f"{marks[0]}{said}{marks[1]} {name} {verb}{when}." if order else f"{name} {verb}{when}: {marks[0]}{said}{marks[1]}"),
    st.sampled_from(MARKS), words, names, st.sampled_from(VERBS), st.sampled_from(WHEN), st.booleans())
fact_sentence = st.builds(
    lambda number, noun, place, when: f"{number} {noun} were counted in {place}{when}.",
    st.sampled_from(NUMBERS), st.sampled_from(["deaths", "people", "percent", "jobs", "have", "local"]),
    st.sampled_from(PLACES), st.sampled_from(WHEN))
pronoun_sentence = st.builds(lambda pronoun, verb, said: f"{pronoun} {verb}: \u201c{said}\u201d",
                             st.sampled_from(["He", "She", "They", "It"]), st.sampled_from(VERBS), words)
heading = st.builds(lambda lead, name: f"{lead} {name}", st.sampled_from(["Inside", "And", "When", "By", "Taking"]), names)
paragraph = st.lists(st.one_of(quote_sentence, fact_sentence, pronoun_sentence, heading, words), min_size=1, max_size=4)
article_text = st.builds(lambda title, paragraphs: title + "\n\n" + "\n\n".join(" ".join(p) for p in paragraphs) + "\n",
                         st.text(alphabet="abcdefghij KLMNOP", min_size=3, max_size=40).filter(str.strip),
                         st.lists(paragraph, min_size=1, max_size=8))


@settings(max_examples=int(os.environ.get("BRIEFING_GEN_EXAMPLES", "25")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=article_text)
def test_any_generated_article_ingests_into_records_that_build(text, tmp_path_factory, cli, capsys):
    folder = tmp_path_factory.mktemp("generated")
    article = folder / "article.txt"
    article.write_text(text, encoding="utf-8")
    ingest_then_build(cli, capsys, fresh_project(cli, folder / "briefing"), article)
