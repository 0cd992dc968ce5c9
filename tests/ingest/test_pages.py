"""Issue 14 on real pages: the thirteen news pages of ../shared/corpora/news-dev, copied into
tests/fixtures/pages with trafilatura's snippets. The body keeps every `with` snippet and
drops every `without` one (but for the known cases of expected.yaml, each with its reason),
the page's own metadata reaches the source record, and a page's quotes come out end to end."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from briefing_gen.ingest.clean import clean_blocks
from briefing_gen.ingest.readers import read_article

from .helpers import ingest, normalise, read_records

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
SNIPPETS = json.loads((PAGES / "snippets.json").read_text(encoding="utf-8"))
EXPECTED = yaml.safe_load((PAGES / "expected.yaml").read_text(encoding="utf-8"))


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module", params=sorted(SNIPPETS), ids=lambda name: name.rsplit(".", 1)[0])
def page(request):
    name = request.param
    article = read_article(str(PAGES / name))
    return name, article, clean_blocks(article.blocks)


def test_every_page_has_its_annotations():
    assert sorted(EXPECTED) == sorted(SNIPPETS) and len(SNIPPETS) == 13


def test_the_body_keeps_the_article_and_drops_the_furniture(page):
    name, article, cleaned = page
    body = fold("\n".join(cleaned.paragraphs).replace("&lt;", "<"))
    missed = [snippet for snippet in SNIPPETS[name]["with"] if fold(snippet) not in body]
    kept = [snippet for snippet in SNIPPETS[name]["without"] if fold(snippet) in body]
    assert missed == EXPECTED[name].get("known_misses", [])
    assert kept == EXPECTED[name].get("known_furniture", [])


def test_the_page_metadata(page):
    name, article, cleaned = page
    expected = EXPECTED[name]
    found = {"title": article.title, "published": article.published, "byline": article.byline, "outlet": article.outlet}
    assert found == {key: expected[key] for key in found}
    assert article.extracted_by.startswith("trafilatura ")
    # The canonical address: the page's own, on the host it was saved from.
    assert urlsplit(article.url).scheme == "https"
    assert urlsplit(article.url).hostname.removeprefix("www.") in name


@pytest.mark.parametrize("name", [name for name in sorted(EXPECTED) if "quotes" in EXPECTED[name]])
def test_quotes_end_to_end(tmp_path, name):
    """Ingest with no flag: the page gives the date and outlet; every quote is found, with its speaker."""
    code, _, err = ingest([PAGES / name], tmp_path / "content")
    assert code == 0, err
    [(source, body)] = read_records(tmp_path / "content", "sources").values()
    assert (source["published"], source["outlet"]) == (EXPECTED[name]["published"], EXPECTED[name]["outlet"])
    found = {normalise(text): front for front, text in read_records(tmp_path / "content", "quotes").values()}
    wanted = {normalise(quote["text"]): quote for quote in EXPECTED[name]["quotes"]}
    assert sorted(found) == sorted(wanted)
    for text, quote in wanted.items():
        if "person" not in quote:  # no one named: the description (or unknown), never a person of its own
            assert found[text]["speaker"] == quote["speaker"] and found[text].get("person", "unknown") == "unknown"
        else:
            assert found[text]["person"] == quote["person"], text
        assert text in normalise(body)


def test_the_same_bytes_give_the_same_records(tmp_path):
    """Deterministic: two runs in fresh processes with other hash seeds write the same files."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        content = tmp_path / f"content-{seed}"
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-m", "briefing_gen", "ingest", str(PAGES / "bbc.com.52241221.html"),
                                 "--content", str(content)], capture_output=True, text=True, env=environment)
        assert result.returncode == 0, result.stderr
        outputs.append({path.relative_to(content): path.read_bytes() for path in sorted(content.rglob("*")) if path.is_file()})
    assert outputs[0] == outputs[1] and len(outputs[0]) > 5
