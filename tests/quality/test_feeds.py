"""feed.xml as a feed reader sees it; sitemap.xml against the sitemaps.org schema; robots.txt."""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import xmlschema
import yaml

SITEMAP_XSD = Path(__file__).with_name("sitemap.xsd")
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _base_url(site) -> str:
    settings = yaml.safe_load((site.content / "site.yaml").read_text(encoding="utf-8"))
    base = str(settings["base_url"])
    return base if base.endswith("/") else base + "/"


def _local_file(site, url: str, base: str) -> Path | None:
    """The file an absolute site URL stands for, or None when it lies outside the site."""
    if not url.startswith(base):
        return None
    path = site.root / urlsplit(url[len(base):]).path
    return path / "index.html" if url.endswith("/") or path.is_dir() else path


def _feed_promise(site) -> int:
    """How many entries the feed should hold: every quote and takeaway, up to the build's cap."""
    try:
        from briefing_gen.render import FEED_ENTRIES
    except ImportError:  # the cap moved: count everything
        FEED_ENTRIES = 10**9
    records = len(site.pages_of_kind("quotes")) + len(site.pages_of_kind("takeaways"))
    return min(records, FEED_ENTRIES)


def test_feed_reads_cleanly_with_the_expected_entries_newest_first(site):
    feed = feedparser.parse((site.root / "feed.xml").read_bytes())
    assert feed.bozo == 0, f"feedparser flags feed.xml: {feed.get('bozo_exception')!r}"
    assert feed.version == "atom10", f"feed.xml is {feed.version or 'not a feed'}, not Atom 1.0"
    assert feed.feed.get("title"), "the feed has no title"

    expected = _feed_promise(site)
    assert len(feed.entries) == expected, (
        f"feed.xml has {len(feed.entries)} entries; the site has quotes and takeaways for {expected}")

    base = _base_url(site)
    problems = []
    for number, entry in enumerate(feed.entries, 1):
        for field in ("title", "id", "link", "updated_parsed", "summary"):
            if not entry.get(field):
                problems.append(f"entry {number} ({entry.get('link', '?')}): no {field}")
        target = _local_file(site, entry.get("link", ""), base)
        if target is None or not target.is_file():
            problems.append(f"entry {number}: link {entry.get('link')} is not a page of the site")
    assert not problems, "feed.xml:\n" + "\n".join(problems)

    stamps = [time.mktime(entry.updated_parsed) for entry in feed.entries]
    out_of_order = [f"entry {i + 2} ({feed.entries[i + 1].link}) is newer than entry {i + 1}"
                    for i in range(len(stamps) - 1) if stamps[i + 1] > stamps[i]]
    assert not out_of_order, "feed.xml is not newest first:\n" + "\n".join(out_of_order)


def test_sitemap_is_valid_and_lists_every_page(site):
    schema = xmlschema.XMLSchema(str(SITEMAP_XSD))
    sitemap = site.root / "sitemap.xml"
    errors = [f"{error.path or '/'}: {error.reason or error.message}" for error in schema.iter_errors(str(sitemap))]
    assert not errors, "sitemap.xml fails the sitemaps.org 0.9 schema:\n" + "\n".join(errors)

    base = _base_url(site)
    listed, foreign = set(), []
    for loc in ET.parse(sitemap).getroot().iter(f"{SITEMAP_NS}loc"):
        url = (loc.text or "").strip()
        target = _local_file(site, url, base)
        if target is None or not target.is_file():
            foreign.append(url)
        else:
            listed.add(site.rel(target))
    pages = {site.rel(page) for page in site.html_pages()} - {"404.html"}
    assert not foreign, "sitemap.xml lists URLs that are not pages of the site:\n" + "\n".join(foreign)
    assert not pages - listed, "sitemap.xml leaves out:\n" + "\n".join(sorted(pages - listed))
    assert "404.html" not in listed, "sitemap.xml lists 404.html"


def test_robots_txt_points_to_the_sitemap(site):
    robots = (site.root / "robots.txt").read_text(encoding="utf-8")
    lines = re.findall(r"(?im)^\s*sitemap:\s*(\S+)\s*$", robots)
    expected = urljoin(_base_url(site), "sitemap.xml")
    assert lines, "robots.txt has no Sitemap: line"
    assert expected in lines, f"robots.txt's Sitemap: {lines} is not {expected}"
    assert re.search(r"(?im)^\s*user-agent:", robots), "robots.txt has no User-agent: group"
