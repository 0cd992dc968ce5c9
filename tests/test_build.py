"""The build: pages, links, feed, output safety and determinism, on fixture content."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import feedparser
import pytest

from sitecheck import broken_links, tree_bytes

from conftest import ROOT

TEMPLATES = ROOT / "templates"


@pytest.fixture
def built(minimal_content, tmp_path, cli):
    out = tmp_path / "site"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    return out


def test_every_page_kind_is_written(built):
    for path in ["index.html", "timeline/index.html", "quotes/index.html", "quotes/brandt-waited/index.html",
                 "takeaways/ferry-returns/index.html", "summits/2023-pier/index.html", "people/anna-brandt/index.html",
                 "sources/harbour-report/index.html", "tags/transport/index.html", "feed.xml", "sitemap.xml",
                 "robots.txt", "404.html", "static/style.css"]:
        assert (built / path).is_file(), path


def test_every_internal_link_and_anchor_resolves(built):
    assert broken_links(built) == []


def test_links_are_relative_and_point_at_files(built):
    html = (built / "quotes/brandt-waited/index.html").read_text()
    assert 'href="../../sources/harbour-report/index.html#p2"' in html
    assert 'href="../../index.html"' in html
    assert 'href="https://' not in html.split("<body>")[1]


def test_quote_page_has_blockquote_speaker_and_share_meta(built):
    html = (built / "quotes/brandt-waited/index.html").read_text()
    assert "<blockquote" in html and "We have waited four years for this" in html
    assert 'href="../../people/anna-brandt/index.html">Anna Brandt</a>' in html
    assert "11 May 2023" in html and "Mayor of Eastport" in html
    # shown on its own, the quote drops the comma that led back into the article's sentence
    assert '<meta property="og:description" content="We have waited four years for this">' in html
    assert "<p>We have waited four years for this</p>" in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html  # with its share card


def test_source_page_anchors_every_paragraph_and_lists_removals(built):
    html = (built / "sources/harbour-report/index.html").read_text()
    for number in (1, 2, 3):
        assert f'id="p{number}"' in html
    assert "Removed at ingest" in html and "Leave a Reply" in html
    assert "between Eastport and Eastport" in html
    assert "ferry-returns/index.html" in html  # the takeaway citing paragraph 3


def test_home_has_comparison_table_chart_and_takeaways(built):
    html = (built / "index.html").read_text()
    assert '<table class="compare">' in html
    assert html.count('<th scope="row">') == 2  # Setting, Outcome
    assert 'href="sources/harbour-report/index.html#p3"' in html
    assert "<svg class=\"chart figures-chart\"" in html and "1,200" in html
    assert "The ferry returns" in html


def test_home_shows_the_first_takeaways_by_order_and_links_to_all(minimal_content, tmp_path, cli):
    from briefing_gen.render import TAKEAWAYS_ON_HOME

    template = (minimal_content / "takeaways" / "ferry-returns.md").read_text()
    extra = TAKEAWAYS_ON_HOME + 3
    for number in range(extra):
        (minimal_content / "takeaways" / f"extra-{number:02d}.md").write_text(
            template.replace("title: The ferry returns", f"title: Extra point {number:02d}")
                    .replace("order: 1", f"order: {number + 2}"))
    out = tmp_path / "site"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    home = (out / "index.html").read_text()
    shown = re.findall(r"<h3><a href=\"takeaways/([a-z0-9-]+)/index.html\">", home)
    assert shown == ["ferry-returns"] + [f"extra-{number:02d}" for number in range(TAKEAWAYS_ON_HOME - 1)]
    assert f'<a href="takeaways/index.html">All {extra + 1} takeaways</a>' in home
    index = (out / "takeaways" / "index.html").read_text()
    assert all(f"extra-{number:02d}/index.html" in index for number in range(extra))


def _with_extra_takeaways(content: Path, count: int) -> None:
    template = (content / "takeaways" / "ferry-returns.md").read_text()
    for number in range(count):
        (content / "takeaways" / f"extra-{number:02d}.md").write_text(
            template.replace("title: The ferry returns", f"title: Extra point {number:02d}")
                    .replace("order: 1", f"order: {number + 2}"))


@pytest.mark.parametrize("pretty", [False, True])
def test_a_long_takeaways_list_is_split_over_pages_that_link_to_each_other(minimal_content, tmp_path, cli, pretty):
    _with_extra_takeaways(minimal_content, 10)  # 11 takeaways, 3 to a page: 4 pages
    with (minimal_content / "site.yaml").open("a") as settings:
        settings.write("page_size: 3\n" + ("pretty_urls: true\n" if pretty else ""))
    out = tmp_path / "site"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    pages = [out / "takeaways" / "index.html"] + [out / "takeaways" / "page" / str(n) / "index.html" for n in (2, 3, 4)]
    assert not (out / "takeaways" / "page" / "5").exists()
    listed = []
    for number, page in enumerate(pages, 1):
        html = page.read_text()
        main = html[html.index("<main"):html.index("</main>")]
        listed += re.findall(r"<h2><a href=\"[./]*takeaways/([a-z0-9-]+)/(?:index.html)?\">", main)
        assert f"page {number} of 4." in main
        assert re.search(r'aria-current="page">%d</a>' % number, main)
        assert ('rel="prev"' in main) == (number > 1) and ('rel="next"' in main) == (number < 4)
        title = re.search(r"<title>([^<]*)", html).group(1)
        assert title.startswith("Key takeaways" + ("" if number == 1 else f", page {number} of 4"))
    assert listed == ["ferry-returns"] + [f"extra-{number:02d}" for number in range(10)]  # each once, in order
    assert '<ol class="takeaways" start="4">' in pages[1].read_text()
    sitemap = (out / "sitemap.xml").read_text()
    assert all(f"takeaways/page/{n}/" in sitemap for n in (2, 3, 4))
    assert broken_links(out) == []


def test_the_quotes_by_speaker_are_split_over_pages_each_quote_once(tmp_path, cli):
    """25 quotes, 10 to a page: three pages, in speaker order, a speaker's list carried over
    to the next page says so, and every page counts the quotes of each summit."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    with (content / "site.yaml").open("a", encoding="utf-8") as settings:
        settings.write("page_size: 10\n")
    out = tmp_path / "site"
    assert cli("build", "--content", str(content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    from briefing_gen.content import load_content
    from briefing_gen.model import make_briefing

    briefing = make_briefing(load_content(content)[0])
    expected = [quote.slug for quote in briefing.quotes_by_speaker]
    assert sorted(expected) == sorted(quote.slug for quote in briefing.quotes) and len(expected) == 25
    pages = [out / "quotes" / "index.html", out / "quotes" / "page" / "2" / "index.html",
             out / "quotes" / "page" / "3" / "index.html"]
    assert not (out / "quotes" / "page" / "4").exists()
    listed, continued = [], 0
    for number, page in enumerate(pages, 1):
        html = page.read_text(encoding="utf-8")
        main = html[html.index("<main"):html.index("</main>")]
        speaker_part = main[:main.index('id="by-summit"')]
        listed += re.findall(r'<li><a href="[./]*quotes/([a-z0-9-]+)/index.html">', speaker_part)
        continued += main.count(", continued)")
        assert f"page {number} of 3." in main and re.search(r'aria-current="page">%d</a>' % number, main)
        assert "(2 quotes)" in main and "(23 quotes)" in main  # the summits, on every page
    assert listed == expected  # every quote once, in order
    first_of_page_2 = briefing.quotes_by_speaker[10]
    assert continued == (briefing.quotes_by_speaker[9].person == first_of_page_2.person) + \
        (briefing.quotes_by_speaker[19].person == briefing.quotes_by_speaker[20].person)
    assert broken_links(out) == []


# takeaways.html and quotes.html as themes copied by `init` before lists had pages have them
OLD_TAKEAWAYS_TEMPLATE = """{% extends "base.html" %}
{% block main %}
<h1>Key takeaways</h1>
<ol class="takeaways">
{% for takeaway in takeaways %}
  <li><h2><a href="{{ takeaway|href }}">{{ takeaway.title }}</a></h2>{{ takeaway.body|markdown }}</li>
{% endfor %}
</ol>
{% endblock %}
"""
OLD_QUOTES_TEMPLATE = """{% extends "base.html" %}
{% block main %}
{% for person, quotes in by_speaker %}<h3>{{ person.name }}</h3>
{% for quote in quotes %}<a class="q" href="{{ quote|href }}">{{ quote.body }}</a>{% endfor %}
{% endfor %}
{% for summit, quotes in by_summit %}<h3>{{ summit.title }} ({{ quotes|length }})</h3>{% endfor %}
{% endblock %}
"""


def test_a_theme_without_a_pager_shows_its_lists_whole_and_is_told_how_to_split_them(minimal_content, tmp_path, cli, capsys):
    _with_extra_takeaways(minimal_content, 4)  # 5 takeaways, 2 quotes, 1 to a page
    with (minimal_content / "site.yaml").open("a") as settings:
        settings.write("page_size: 1\n")
    theme = tmp_path / "theme"
    shutil.copytree(TEMPLATES, theme)
    (theme / "takeaways.html").write_text(OLD_TAKEAWAYS_TEMPLATE)
    (theme / "quotes.html").write_text(OLD_QUOTES_TEMPLATE)
    out = tmp_path / "site"
    assert cli("build", "--content", str(minimal_content), "--templates", str(theme), "--out", str(out)) == 0
    assert not (out / "takeaways" / "page").exists() and not (out / "quotes" / "page").exists()
    assert (out / "takeaways" / "index.html").read_text().count("<li><h2>") == 5  # every takeaway, on one page
    quotes = (out / "quotes" / "index.html").read_text()
    assert quotes.count('class="q"') == 2 and re.search(r"\(\d\)</h3>", quotes)  # every quote; by_summit as before
    err = capsys.readouterr().err
    assert "takeaways.html:1: warning: takeaways.html does not use `pager`, so all 5 takeaways are on one page" in err
    assert "quotes.html:1: warning: quotes.html does not use `pager`, so all 2 quotes are on one page" in err


def test_a_page_size_below_one_is_an_error_at_its_line(minimal_content, cli, capsys):
    with (minimal_content / "site.yaml").open("a") as settings:
        settings.write("page_size: 0\n")
    line = (minimal_content / "site.yaml").read_text().splitlines().index("page_size: 0") + 1
    assert cli("check", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 1
    assert f"site.yaml:{line}: page_size: a page holds at least 1 item, got 0" in capsys.readouterr().err


def test_the_window_of_a_long_pager_keeps_the_ends_and_the_pages_around_this_one():
    from briefing_gen.render import Pager

    paths = Pager.paths_of("takeaways/index.html", 250, 10)
    assert len(paths) == 25 and paths[1] == "takeaways/page/2/index.html"
    assert [shown and shown[0] for shown in Pager(12, paths).window()] == [1, None, 10, 11, 12, 13, 14, None, 25]
    assert [shown and shown[0] for shown in Pager(2, paths).window()] == [1, 2, 3, 4, None, 25]
    assert Pager.paths_of("takeaways/index.html", 0, 10) == ("takeaways/index.html",)


def test_timeline_groups_by_year_and_shows_precision(built):
    html = (built / "timeline/index.html").read_text()
    assert html.index('id="year-2019"') < html.index('id="year-2023"')
    assert ">June 2019</time>" in html and ">11 May 2023</time>" in html
    assert '<svg class="chart timeline-chart"' in html


def test_feed_parses_newest_first(built):
    feed = feedparser.parse((built / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert len(feed.entries) == 3
    updated = [entry.updated for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.entries[0].link.startswith("https://example.org/harbour/")


def test_sitemap_lists_every_page_but_404(built):
    sitemap = (built / "sitemap.xml").read_text()
    pages = [p.relative_to(built).as_posix() for p in built.rglob("*.html") if p.name != "404.html"]
    for page in pages:
        assert f"<loc>https://example.org/harbour/{page}</loc>" in sitemap
    assert "404.html" not in sitemap
    assert "Sitemap: https://example.org/harbour/sitemap.xml" in (built / "robots.txt").read_text()


def test_raw_html_in_a_body_is_shown_not_run(minimal_content, tmp_path, cli):
    (minimal_content / "tags" / "transport.md").write_text(
        "---\ntitle: Transport\n---\n<script>alert(1)</script> and [x](javascript:alert(2)) <b onclick=x>b</b>\n")
    out = tmp_path / "out"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    html = (out / "tags/transport/index.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html and "<b onclick" not in html


def test_same_input_gives_the_same_bytes(minimal_content, tmp_path, cli, built):
    again = tmp_path / "again"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(again), "-q") == 0
    assert tree_bytes(again) == tree_bytes(built)


def test_failed_build_leaves_previous_site_untouched(minimal_content, tmp_path, cli, built, capsys):
    before = tree_bytes(built)
    (minimal_content / "quotes" / "brandt-waited.md").write_text("---\nspeaker: [\n---\n")
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(built)) == 1
    assert tree_bytes(built) == before
    assert [p.name for p in built.parent.iterdir() if p.name.startswith(".site")] == []


def test_template_error_leaves_previous_site_and_names_the_template(minimal_content, tmp_path, cli, built, capsys):
    before = tree_bytes(built)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "tag.html").write_text("{% extends 'base.html' %}{% block main %}{{ tag.no_such_field }}{% endblock %}")
    assert cli("build", "--content", str(minimal_content), "--templates", str(templates), "--out", str(built)) == 1
    err = capsys.readouterr().err
    assert "tag.html:1: template error" in err and "no_such_field" in err
    assert tree_bytes(built) == before


def test_refuses_a_folder_it_did_not_create(minimal_content, tmp_path, cli, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out)) == 2
    assert "was not created by briefing-gen" in capsys.readouterr().err
    assert (out / "notes.txt").read_text() == "keep me"


def test_refuses_an_output_folder_holding_the_content(minimal_content, cli, capsys):
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(minimal_content.parent)) == 2
    assert "refusing to build into a folder that contains" in capsys.readouterr().err


@pytest.mark.parametrize("inside", ["content", "templates"])
def test_refuses_an_output_folder_inside_the_inputs(minimal_content, tmp_path, cli, capsys, inside):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    out = (minimal_content if inside == "content" else templates) / "site"
    assert cli("build", "--content", str(minimal_content), "--templates", str(templates), "--out", str(out)) == 2
    assert "refusing to build inside" in capsys.readouterr().err
    assert not out.exists()


def test_record_bodies_link_from_the_site_root_and_headings_stay_paragraphs(minimal_content, tmp_path, cli):
    takeaway = minimal_content / "takeaways" / "ferry-returns.md"
    takeaway.write_text(takeaway.read_text().replace(
        "The ferry is promised for 2024.", "# A heading line\n\nThe ferry is [promised](quotes/okafor-ferry/index.html)."))
    out = tmp_path / "site"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    assert 'href="quotes/okafor-ferry/index.html">promised' in (out / "index.html").read_text()
    page = (out / "takeaways/ferry-returns/index.html").read_text()
    assert 'href="../../quotes/okafor-ferry/index.html">promised' in page
    assert page.count("<h1") == 1 and '<p class="body-heading">A heading line</p>' in page
    assert broken_links(out) == []


def test_a_source_url_must_be_a_web_address(minimal_content, cli, capsys):
    source = minimal_content / "sources" / "harbour-report.md"
    source.write_text(source.read_text().replace("language: en", "language: en\nurl: \"javascript:alert(1)\""))
    assert cli("check", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 1
    assert "url: expected an http:// or https:// address" in capsys.readouterr().err


def test_a_syntax_error_in_a_parent_template_names_it(minimal_content, tmp_path, cli, capsys):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    with (templates / "base.html").open("a") as base:
        base.write("{% if %}\n")
    assert cli("build", "--content", str(minimal_content), "--templates", str(templates), "--out", str(tmp_path / "o")) == 1
    assert "base.html:" in capsys.readouterr().err


def test_recovers_from_a_build_killed_mid_swap(minimal_content, tmp_path, cli, built):
    before = tree_bytes(built)
    built.rename(tmp_path / ".site.old-x1")  # as if killed between the two renames
    (tmp_path / ".site.new-x2").mkdir()
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(built), "-q") == 0
    assert tree_bytes(built) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


def test_pretty_urls_link_to_folders(minimal_content, tmp_path, cli):
    with (minimal_content / "site.yaml").open("a") as settings:
        settings.write("pretty_urls: true\n")
    out = tmp_path / "pretty"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    html = (out / "quotes/brandt-waited/index.html").read_text()
    assert 'href="../../sources/harbour-report/#p2"' in html
    assert "<loc>https://example.org/harbour/quotes/</loc>" in (out / "sitemap.xml").read_text()
    assert broken_links(out) == []


def test_allow_html_keeps_markup_but_sanitises_it(minimal_content, tmp_path, cli):
    with (minimal_content / "site.yaml").open("a") as settings:
        settings.write("allow_html: true\n")
    (minimal_content / "tags" / "transport.md").write_text(
        "---\ntitle: Transport\n---\n<p>Ferries <em>and</em> rails<script>alert(1)</script>"
        "<iframe src=\"https://example.org\"></iframe><a href=\"javascript:alert(2)\" onclick=\"x()\">x</a></p>\n")
    out = tmp_path / "out"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    html = (out / "tags/transport/index.html").read_text()
    assert "<em>and</em>" in html
    for unsafe in ("<script>", "alert(1)", "<iframe", "javascript:", "onclick"):
        assert unsafe not in html


def test_every_page_carries_a_content_security_policy(built):
    for page in built.rglob("*.html"):
        html = page.read_text()
        assert "http-equiv=\"Content-Security-Policy\"" in html and "default-src 'none'" in html, page
        assert "<script>" not in html  # no inline script anywhere in the built site


def test_two_builds_of_one_folder_are_serialised(minimal_content, tmp_path, cli, capsys):
    import threading
    import time

    from briefing_gen.write import output_lock

    out = tmp_path / "site"
    held, release = threading.Event(), threading.Event()

    def hold_the_lock():
        with output_lock(out):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    held.wait(5)
    threading.Timer(3, release.set).start()  # long enough for a build on a busy machine to reach the lock
    started = time.monotonic()
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    holder.join()
    assert time.monotonic() - started >= 1.9  # it waited for the other build
    assert "waiting for another build" in capsys.readouterr().err
    assert (out / "index.html").is_file()


def test_timeline_chart_gives_each_date_a_readable_step():
    from briefing_gen.charts import timeline_chart
    from briefing_gen.content import load_content

    from conftest import MINIMAL_SITE

    events = sorted(load_content(MINIMAL_SITE)[0].of_kind("events").values(), key=lambda e: e.date)
    svg = timeline_chart(events)
    assert ">Jun 2019</text>" in svg and ">11 May 2023</text>" in svg
    assert svg.count('<circle class="mark"') == 2
    assert "<title id=\"timeline-chart-title\">2 events, 2019 to 2023</title>" in svg


def test_the_not_found_page_links_absolutely_from_base_url(built):
    """A server shows 404.html at any depth, where a relative link would point nowhere."""
    page = (built / "404.html").read_text(encoding="utf-8")
    base = re.search(r'<link rel="canonical" href="([^"]*)404\.html">', page).group(1)
    assert base.startswith("https://")
    hrefs = re.findall(r'(?:href|src)="([^"#][^"]*)"', page)
    assert hrefs and all(href.startswith(base) for href in hrefs), hrefs


def test_a_theme_that_still_includes_a_partial_gets_the_same_page(minimal_content, tmp_path, cli):
    """Partials are macros now; a page template written when they were includes still shows them."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    out_macro, out_include = tmp_path / "macro", tmp_path / "include"
    assert cli("build", "--content", str(minimal_content), "--templates", str(templates), "--out", str(out_macro), "-q") == 0
    person = templates / "person.html"
    text = person.read_text(encoding="utf-8")
    text = text.replace('{% from "partials/quote_card.html" import quote_card with context %}\n', "")
    text = text.replace("{{ quote_card(quote) }}", '{% include "partials/quote_card.html" %}')
    person.write_text(text, encoding="utf-8")
    assert cli("build", "--content", str(minimal_content), "--templates", str(templates), "--out", str(out_include), "-q") == 0
    page = "people/anna-brandt/index.html"
    assert "quote-card" in (out_include / page).read_text(encoding="utf-8")
    assert (out_include / page).read_bytes() == (out_macro / page).read_bytes()


def test_compiled_templates_are_kept_per_version_and_a_cache_failure_is_not_a_build_failure(minimal_content, tmp_path,
                                                                                            cli, monkeypatch):
    import jinja2

    from briefing_gen.store import CACHE_FOLDER, code_digest

    out = tmp_path / "site"
    assert cli("build", "--content", str(minimal_content), "--out", str(out), "-q") == 0
    kept = [path.name for path in (tmp_path / CACHE_FOLDER / "templates").iterdir()]
    assert len(kept) == 1 and kept[0].startswith(f"{code_digest()[:16]}-jinja{jinja2.__version__}-")

    def unwritable(self, bucket):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(jinja2.FileSystemBytecodeCache, "dump_bytecode", unwritable)
    shutil.rmtree(tmp_path / CACHE_FOLDER / "templates")
    (minimal_content / "tags" / "transport.md").write_text("---\ntitle: Transport\n---\nChanged.\n")
    assert cli("build", "--content", str(minimal_content), "--out", str(out), "-q") == 0


def test_the_paths_of_a_list_of_records_are_each_records_path():
    from briefing_gen.content import load_content
    from briefing_gen.model import RECORD_LISTS, make_briefing
    from briefing_gen.render import record_path, record_paths

    content, _ = load_content(ROOT / "content")
    briefing = make_briefing(content)
    for kind in RECORD_LISTS:
        records = getattr(briefing, kind)
        assert records and record_paths(records) == [record_path(record) for record in records], kind
    assert record_paths([]) == []


def test_an_output_drawn_without_a_template_is_written_and_kept_like_a_page(minimal_content, tmp_path, cli,
                                                                            monkeypatch):
    """The API for an output that is not a page (an image, a JSON file): a recipe whose page
    gives `draw`. It is written with the site, and drawn again only when what it shows changed."""
    from briefing_gen import build as build_module
    from briefing_gen import render

    drawn: list[str] = []

    def draw_card(context):
        drawn.append(context["person"].slug)
        return f"card of {context['person'].name}\n".encode()

    def card_page(briefing, person):
        return render.Page(f"cards/{person.slug}.txt", "", {"person": person}, in_sitemap=False, draw=draw_card)

    def with_cards(briefing, paged=tuple(render.PAGED_LISTS)):
        recipes = render.page_recipes(briefing, paged)
        return recipes + [render.Recipe(f"cards/{person.slug}.txt", card_page, person, in_sitemap=False)
                          for person in briefing.people]

    monkeypatch.setattr(build_module, "page_recipes", with_cards)
    out = tmp_path / "site"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    assert (out / "cards/anna-brandt.txt").read_text() == "card of Anna Brandt\n"
    assert "cards/anna-brandt.txt" not in (out / "sitemap.xml").read_text()
    assert sorted(drawn) == ["anna-brandt", "tomas-okafor"]
    drawn.clear()
    person = minimal_content / "people" / "tomas-okafor.md"
    person.write_text(person.read_text().replace("Tomas Okafor", "Tomás Okafor", 1))
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    assert drawn == ["tomas-okafor"] and (out / "cards/tomas-okafor.txt").read_text() == "card of Tomás Okafor\n"
