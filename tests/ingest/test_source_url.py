"""A source's url comes from the page only when it is an http(s) address."""

from __future__ import annotations

import pytest

from briefing_gen.ingest.assemble import source_url

from .helpers import ingest, read_records

PAGE = """<!doctype html><html><head><title>Ferry opens | Kesmark Post</title>
<link rel="canonical" href="{canonical}"><meta property="og:url" content="{og}"></head>
<body><article><h1>Ferry opens</h1><p>Mayor Edda Varga opened the new Kesmark ferry terminal on Monday.</p>
<p>The terminal took three years to build and cost 40 million euros.</p></article></body></html>"""


@pytest.mark.parametrize("url, kept", [
    ("https://kesmark.example/ferry", "https://kesmark.example/ferry"),
    ("  http://kesmark.example/a?b=1  ", "http://kesmark.example/a?b=1"),
    ("javascript:alert(1)", None), ("JaVa\tScRipt:alert(1)", None), (" javascript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None), ("vbscript:msgbox", None),
    ("/relative/path", None), ("https://", None), ("http://exa mple.com/", None), ("", None), (None, None),
])
def test_only_http_urls_are_kept(url, kept):
    assert source_url(url)[0] == kept
    assert (source_url(url)[1] is None) == (kept is not None or not (url or "").strip())


@pytest.mark.parametrize("canonical, og, expected", [
    ("javascript:alert(document.cookie)", "javascript:void(0)", None),
    ("javascript:alert(1)", "https://kesmark.example/ferry", "https://kesmark.example/ferry"),  # og:url after a bad canonical
    ("https://kesmark.example/ferry", "javascript:alert(1)", "https://kesmark.example/ferry"),
])
def test_a_script_url_in_the_page_is_dropped_and_flagged(tmp_path, canonical, og, expected):
    page = tmp_path / "ferry.html"
    page.write_text(PAGE.format(canonical=canonical, og=og), encoding="utf-8")
    code, _, err = ingest([page], tmp_path / "content", published="2024-05-17")
    assert code == 0, err
    [(source, _)] = read_records(tmp_path / "content", "sources").values()
    assert source.get("url") == expected
    flagged = [n for n in source.get("review") or [] if n["kind"] == "url"]
    assert bool(flagged) == canonical.startswith("javascript")


def test_a_front_matter_url_is_judged_too(tmp_path):
    article = tmp_path / "ferry.md"
    article.write_text("---\nurl: \"javascript:alert(1)\"\n---\n# Ferry opens\n\nMayor Edda Varga opened the terminal.\n",
                       encoding="utf-8")
    code, _, err = ingest([article], tmp_path / "content", published="2024-05-17")
    assert code == 0, err
    [(source, _)] = read_records(tmp_path / "content", "sources").values()
    assert "url" not in source and [n["kind"] for n in source["review"]].count("url") == 1
