"""The rendered site's internal links and anchors, checked in memory.

`check` renders every file into a dict instead of a folder, then follows each
relative href and src of each HTML page to a file of the site and, for a
#fragment, to an id on that page. A broken one is a Problem that names the
page and the line of the link, so `check` reports it with the content errors.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from .problems import Problem


class MemoryWriter:
    """Collects a rendered site as {relative path: bytes}, for checking without writing it."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def write(self, relative_path: str, data: str | bytes) -> None:
        self.files[relative_path] = data.encode("utf-8") if isinstance(data, str) else data


class _LinksAndIds(HTMLParser):
    """Every link (with its line) and every id of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, int]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            elif name in ("href", "src") and value is not None:
                self.links.append((value, self.getpos()[0]))

    handle_startendtag = handle_starttag


def _parse(html: bytes) -> _LinksAndIds:
    parser = _LinksAndIds()
    parser.feed(html.decode("utf-8", "replace"))
    parser.close()
    return parser


def broken_links(files: dict[str, bytes], shown_root: str = "") -> list[Problem]:
    """A problem for every internal link of every page that does not resolve to a file and anchor."""
    pages = {path: _parse(data) for path, data in sorted(files.items()) if path.endswith(".html")}
    problems = []
    for page, parsed in pages.items():
        for link, line in parsed.links:
            why = _why_broken(page, link, files, pages)
            if why:
                problems.append(Problem(shown_root + page, line, f"broken link '{link}': {why}", "broken-link"))
    return problems


def _why_broken(page: str, link: str, files: dict[str, bytes], pages: dict[str, _LinksAndIds]) -> str:
    """Why a link from a page does not resolve, or '' when it does (or leaves the site)."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("/"):
        return ""  # external, or root-relative: not ours to follow
    target = page
    if parts.path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if target == "." or parts.path.endswith("/"):
            target = posixpath.join(target, "index.html") if target != "." else "index.html"
        elif target not in files and f"{target}/index.html" in files:
            target = f"{target}/index.html"
    if target.startswith("../") or target == "..":
        return "points outside the site"
    if target not in files:
        return f"no such file '{target}'"
    fragment = unquote(parts.fragment)
    if fragment and target in pages and fragment not in pages[target].ids:
        return f"no element with id '{fragment}' in '{target}'"
    return ""
