"""The print stylesheet: Chromium prints the home page to PDF; pypdf reads the text of the PDF.

A printed briefing keeps what a reader takes away (the side-by-side comparison)
and leaves out what only works on screen (the navigation, the skip link, the
footer's links).
"""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata

import pytest

from .conftest import CHROMIUM, CHROMIUM_ARGS, require


def _words(text: str) -> str:
    """Text as compared: without white space (a printed line may break after a dash), ligatures
    (ﬃ) and soft hyphens, in which PDF text extraction and HTML differ."""
    return "".join(unicodedata.normalize("NFKC", text).replace("\u00ad", "").split())


def _text_of(html_fragment: str) -> str:
    return _words(html.unescape(re.sub(r"<[^>]+>", " ", html_fragment)))


@pytest.fixture(scope="module")
def printed_home(site, tmp_path_factory) -> str:
    require(CHROMIUM.is_file(), f"Chromium ({CHROMIUM})")
    try:
        from pypdf import PdfReader
    except ImportError:
        require(False, "the pypdf Python package (the `test` extra)")
    pdf = tmp_path_factory.mktemp("print") / "home.pdf"
    command = [str(CHROMIUM), *CHROMIUM_ARGS, "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
               (site.root / "index.html").as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and pdf.is_file(), f"Chromium did not print: {result.stderr[-2000:]}"
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 1
    return _words(" ".join(page.extract_text() or "" for page in reader.pages))


def test_the_printed_home_page_has_the_comparison(site, printed_home):
    page = (site.root / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="compare">(.*?)</table>', page, re.S)
    assert table, "the home page has no comparison table"
    assert _words("The summits side by side") in printed_home
    dimensions = [_text_of(cell) for cell in re.findall(r'<th scope="row">(.*?)</th>', table.group(1), re.S)]
    assert len(dimensions) >= 3
    for dimension in dimensions:
        assert dimension in printed_home, f"the printed comparison lacks its row {dimension!r}"
    first_cells = [_text_of(cell.split('<a class="cite"')[0]) for cell in re.findall(r"<td>(.*?)</td>", table.group(1), re.S)]
    for cell in first_cells[:6]:
        assert cell and cell in printed_home, f"the printed comparison lacks {cell!r}"


def test_the_printed_home_page_has_no_navigation(site, printed_home):
    page = (site.root / "index.html").read_text(encoding="utf-8")
    navigation = _text_of(re.search(r'<nav aria-label="Main">(.*?)</nav>', page, re.S).group(1))
    assert navigation == _words("Briefing Timeline Quotes Takeaways People Sources Search")  # what the screen shows
    assert navigation not in printed_home
    assert _words("Skip to content") not in printed_home
    assert _words("Atom feed") not in printed_home
