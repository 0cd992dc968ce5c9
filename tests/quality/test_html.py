"""The Nu HTML Checker (vnu.jar) over every page and stylesheet: zero errors."""

from __future__ import annotations

import json
import subprocess
from urllib.parse import unquote, urlsplit

from .conftest import VNU_JAR, java, require


def test_every_page_is_valid_html(site):
    _assert_valid(site, site.html_pages(), sorted(site.root.rglob("*.css")))


def test_the_pages_of_a_list_split_over_pages_are_valid_html(paged_site):
    pages = []
    for listing in ("takeaways", "quotes"):
        pages += [paged_site.root / listing / "index.html", *sorted(paged_site.root.glob(f"{listing}/page/*/index.html"))]
    assert len(pages) == 4 + 9, pages  # 10 takeaways and 25 quotes, 3 to a page
    _assert_valid(paged_site, pages, [])


def _assert_valid(site, pages, stylesheets):
    require(VNU_JAR.is_file(), f"vnu.jar ({VNU_JAR.relative_to(VNU_JAR.parents[4])})")
    require(java() is not None, "a Java runtime (`java`)")
    assert pages, "the built site has no .html pages"
    # One JVM for the whole site: starting vnu costs more than checking a page.
    result = subprocess.run(
        [java(), "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--also-check-css",
         *map(str, pages), *map(str, stylesheets)],
        capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or '{"messages": []}')
    problems = []
    for message in report["messages"]:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        where = unquote(urlsplit(message.get("url", "")).path)
        if where.startswith(str(site.root)):
            where = where[len(str(site.root)) + 1:]
        line = message.get("lastLine", "?")
        problems.append(f"{where}:{line}: {message.get('message', '').strip()}"
                        + (f"  [{message['extract'].strip()}]" if message.get("extract") else ""))
    assert not problems, f"vnu found {len(problems)} error(s) in {len(pages)} pages:\n" + "\n".join(problems)
    assert result.returncode == 0, f"vnu exited {result.returncode}: {result.stderr[-2000:]}"
