"""Every internal link, resource and #anchor resolves on disk, judged twice:
by a plain reading of the files here, and by linkinator (npm) over a server."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .conftest import LINKINATOR, ROOT, require

# Attributes that hold one URL, and the one that holds a list of them.
URL_ATTRIBUTES = {"href", "src", "cite", "action", "poster", "data", "formaction"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[int, str]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.append(value)
            elif name in URL_ATTRIBUTES:
                self.urls.append((line, value))
            elif name in ("srcset", "imagesrcset"):
                self.urls.extend((line, part.strip().split()[0]) for part in value.split(",") if part.strip())


def _read(page: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(page.read_text(encoding="utf-8"))
    return reader


def _problem(site, page: Path, line: int, url: str, root: Path, ids_of) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https", "mailto", "tel", "data") or parts.netloc:
        return None
    if parts.scheme:
        return f"uses the {parts.scheme}: scheme"
    if parts.path.startswith("/"):
        return "is root-relative: it breaks from file:// and under a sub-path"
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if not target.is_relative_to(root):
        return "points outside the site"
    if target.is_dir():
        return "points at a folder: from file:// that opens a listing, not the page (link to index.html)"
    if not target.is_file():
        return "no such file"
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_of(target):
        return f"no element with id {unquote(parts.fragment)!r} on {target.relative_to(root).as_posix()}"
    return None


def test_every_internal_link_and_anchor_resolves_on_disk(site):
    root = site.root.resolve()
    readers = {page.resolve(): _read(page) for page in site.html_pages()}

    def ids_of(target: Path) -> set[str]:
        return set((readers.get(target) or _read(target)).ids)

    broken, checked = [], 0
    for page, reader in readers.items():
        duplicates = sorted({i for i in reader.ids if reader.ids.count(i) > 1})
        if duplicates:
            broken.append(f"{page.relative_to(root).as_posix()}: duplicate ids {duplicates}")
        for line, url in reader.urls:
            checked += 1
            why = _problem(site, page, line, url, root, ids_of)
            if why:
                broken.append(f"{page.relative_to(root).as_posix()}:{line}: {url} {why}")
    for stylesheet in sorted(root.rglob("*.css")):
        for number, text in enumerate(stylesheet.read_text(encoding="utf-8").splitlines(), 1):
            for url in CSS_URL.findall(text):
                checked += 1
                why = _problem(site, stylesheet, number, url.strip(), root, ids_of)
                if why:
                    broken.append(f"{stylesheet.relative_to(root).as_posix()}:{number}: {url} {why}")
    assert checked, "no links found at all: is the site empty?"
    assert not broken, f"{len(broken)} broken of {checked} internal links:\n" + "\n".join(broken)


def test_linkinator_finds_no_broken_link(site):
    require(LINKINATOR.is_file(), "linkinator (npm)")
    result = subprocess.run(
        [str(LINKINATOR), str(site.root), "--recurse", "--check-fragments", "--check-css",
         # Only the site itself: external links would need the internet.
         "--skip", r"^https?://(?!localhost[:/]|127\.0\.0\.1[:/])", "--format", "json"],
        capture_output=True, text=True, timeout=300)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"linkinator exited {result.returncode} without a report:\n"
                             f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}") from None
    root = str(site.root)
    show = lambda where: (where or "?").replace(root + "/", "").replace(root, ".")
    broken = [f"{show(link.get('parent'))}: {show(link['url'])} ({link['state']}, HTTP {link.get('status')})"
              for link in report["links"] if link["state"] == "BROKEN"]
    checked = sum(1 for link in report["links"] if link["state"] == "OK")
    assert checked > 1, f"linkinator checked only {checked} links: {result.stderr[-1000:]}"
    assert not broken, f"linkinator: {len(broken)} broken:\n" + "\n".join(broken)
    assert report["passed"], f"linkinator did not pass: {result.stderr[-2000:]}"


def test_the_projects_own_check_passes(site):
    """`briefing-gen check` renders every page in memory and follows its links and anchors."""
    result = subprocess.run(
        [sys.executable, "-m", "briefing_gen", "check", "--content", str(site.content),
         "--templates", str(ROOT / "templates")],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"briefing-gen check exited {result.returncode}:\n{result.stdout}{result.stderr}"
