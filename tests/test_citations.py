"""Several citations per record (`also_in`): each one checked as the first is, kept between builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing_gen.content import load_content
from briefing_gen.model import make_briefing
from briefing_gen.problems import errors_in
from briefing_gen.records import Cited
from briefing_gen.validate import validate
from conftest import FIXTURES

SECOND_REPORT = FIXTURES / "citations"


def add_second_report(content: Path, figure: bool = False) -> None:
    """The radio station's report of the pier summit beside the Ledger's (and its ferry figure)."""
    shutil.copy(SECOND_REPORT / "sources" / "pier-radio.md", content / "sources")
    if figure:
        shutil.copy(SECOND_REPORT / "figures" / "ferry-jobs-radio.md", content / "figures")


def append_to_front(path: Path, lines: str) -> None:
    """Add front-matter lines just before the closing `---`."""
    text = path.read_text(encoding="utf-8")
    head, _, body = text[4:].partition("\n---\n")
    path.write_text(f"---\n{head}\n{lines.rstrip()}\n---\n{body}", encoding="utf-8")


BRANDT_ALSO_IN = ("also_in:\n  - source: pier-radio\n    paragraph: 2\n"
                  "    wording: \"Four years we have waited for this,\"\n")


def cite_both(content: Path) -> None:
    """Every kind of record that can cite more than one source cites the radio report too."""
    add_second_report(content)
    append_to_front(content / "quotes" / "brandt-waited.md", BRANDT_ALSO_IN)
    append_to_front(content / "events" / "second-meeting.md", "also_in: [{source: pier-radio, paragraph: 1}]")
    append_to_front(content / "figures" / "ferry-jobs.md", "also_in: [{source: pier-radio, paragraph: 3}]")
    append_to_front(content / "takeaways" / "ferry-returns.md", "also_in: [{source: pier-radio, paragraphs: [3]}]")


def problems_of(content: Path) -> list[str]:
    loaded, problems = load_content(content)
    return [f"{problem.path.rsplit('/', 2)[-2]}/{problem.path.rsplit('/', 1)[-1]}:{problem.line}: {problem.message}"
            for problem in errors_in(problems + validate(loaded))]


def test_a_record_written_before_stays_valid_with_one_citation(minimal_content):
    content, problems = load_content(minimal_content)
    assert problems == [] and errors_in(validate(content)) == []
    quote = content.of_kind("quotes")["brandt-waited"]
    assert quote.also_in == ()
    assert quote.citations == (Cited("harbour-report", (2,), "We have waited four years for this,"),)


def test_every_kind_cites_a_second_source_and_the_model_lists_both(minimal_content):
    cite_both(minimal_content)
    assert problems_of(minimal_content) == []
    content, _ = load_content(minimal_content)
    quote = content.of_kind("quotes")["brandt-waited"]
    assert [(cited.source, cited.paragraphs, quote.wording_in(cited)) for cited in quote.citations] == [
        ("harbour-report", (2,), "We have waited four years for this,"),
        ("pier-radio", (2,), "Four years we have waited for this,")]
    assert content.of_kind("takeaways")["ferry-returns"].citations[1] == Cited("pier-radio", (3,))
    briefing = make_briefing(content)
    # the radio report's paragraphs list the records that cite them, as the first source's do
    assert [record.slug for record in briefing.citations[("pier-radio", 3)]] == ["ferry-returns", "ferry-jobs"]
    assert [record.slug for record in briefing.citations[("pier-radio", 2)]] == ["brandt-waited"]
    assert [record.slug for record in briefing.citations[("pier-radio", 1)]] == ["second-meeting"]


BROKEN = [
    ("wording-not-in-paragraph", "quotes/brandt-waited.md", BRANDT_ALSO_IN.replace("Four years we", "Four long years we"),
     "quotes/brandt-waited.md:9: wording is not word for word in source 'pier-radio' paragraph 2"),
    ("body-not-in-second-paragraph", "quotes/brandt-waited.md", "also_in: [{source: pier-radio, paragraph: 2}]",
     "quotes/brandt-waited.md:9: quote is not word for word in source 'pier-radio' paragraph 2"),
    ("unknown-source", "events/second-meeting.md", "also_in: [{source: pier-radoi, paragraph: 1}]",
     "events/second-meeting.md:7: also_in: unknown source 'pier-radoi'; did you mean 'pier-radio'?"),
    ("missing-paragraph", "figures/ferry-jobs.md", "also_in: [{source: pier-radio, paragraph: 4}]",
     "figures/ferry-jobs.md:8: also_in: source 'pier-radio' has no paragraph 4 (it has 3)"),
    ("takeaway-paragraphs", "takeaways/ferry-returns.md", "also_in: [{source: pier-radio, paragraphs: [1, 5]}]",
     "takeaways/ferry-returns.md:9: also_in: source 'pier-radio' has no paragraph 5 (it has 3)"),
    ("same-source-twice", "events/second-meeting.md", "also_in: [{source: harbour-report, paragraph: 2}]",
     "events/second-meeting.md:7: also_in: source 'harbour-report' is cited twice; list each source once"),
    ("wording-on-an-event", "events/second-meeting.md", "also_in: [{source: pier-radio, paragraph: 1, wording: x}]",
     "events/second-meeting.md:7: also_in: item 1: unknown key wording"),
    ("paragraph-on-a-takeaway", "takeaways/ferry-returns.md", "also_in: [{source: pier-radio, paragraph: 3}]",
     "takeaways/ferry-returns.md:9: also_in: item 1: missing paragraphs"),
    ("not-a-list", "quotes/brandt-waited.md", "also_in: pier-radio",
     "quotes/brandt-waited.md:9: also_in: expected a list, got str 'pier-radio'"),
]


@pytest.mark.parametrize("name, file, lines, expected", BROKEN, ids=[case[0] for case in BROKEN])
def test_each_further_citation_is_checked_with_path_and_line(minimal_content, name, file, lines, expected):
    add_second_report(minimal_content)
    append_to_front(minimal_content / file, lines)
    problems = problems_of(minimal_content)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_a_paraphrase_is_not_checked_in_any_source(minimal_content):
    add_second_report(minimal_content)
    append_to_front(minimal_content / "quotes" / "brandt-waited.md",
                    "verbatim: false\nalso_in: [{source: pier-radio, paragraph: 2, wording: Words not there}]")
    assert problems_of(minimal_content) == []


def test_an_edit_of_the_second_source_checks_the_kept_quote_again(minimal_content, cli, capsys, tmp_path):
    """The quotes found word for word are kept between builds by the digests of every source they cite."""
    cite_both(minimal_content)
    out = tmp_path / "site"
    assert cli("build", "--content", str(minimal_content), "--out", str(out), "-q") == 0
    radio = minimal_content / "sources" / "pier-radio.md"
    radio.write_text(radio.read_text(encoding="utf-8").replace("Four years we have", "For four years we have"),
                     encoding="utf-8")
    assert cli("build", "--content", str(minimal_content), "--out", str(out), "-q") == 1
    assert "wording is not word for word in source 'pier-radio' paragraph 2" in capsys.readouterr().err


# -- on the site ----------------------------------------------------------------

def built_page(content: Path, tmp_path: Path, cli, page: str) -> str:
    out = tmp_path / "site"
    assert cli("build", "--content", str(content), "--out", str(out), "-q") == 0
    return (out / page).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """A page's words without its tags, white space folded."""
    import re
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#34;", '"').replace("&#39;", "'").split())


def test_every_record_says_who_reports_it_linking_each_paragraph(minimal_content, tmp_path, cli):
    cite_both(minimal_content)
    out = tmp_path / "site"
    assert cli("build", "--content", str(minimal_content), "--out", str(out), "-q") == 0
    timeline = (out / "timeline" / "index.html").read_text(encoding="utf-8")
    assert ('Reported by <a href="../sources/harbour-report/index.html#p1" title="Mayors meet again at the harbour, '
            'paragraph 1">The Coastal Ledger</a> and <a href="../sources/pier-radio/index.html#p1" '
            'title="Two mayors back at the pier, paragraph 1">Harbour Radio</a></span>') in timeline
    # one source only: it says so
    assert "Reported by" in text_of(timeline) and "The Coastal Ledger</a> only</span>" in timeline
    home = text_of((out / "index.html").read_text(encoding="utf-8"))
    assert "1,200 jobs Jobs that depend on the ferry (2023; Reported by The Coastal Ledger and Harbour Radio )" in home
    takeaway = (out / "takeaways" / "ferry-returns" / "index.html").read_text(encoding="utf-8")
    assert "From the sources" in takeaway and 'href="../../sources/pier-radio/index.html#p3"' in takeaway
    # the second source's paragraphs list the records that cite them
    radio = (out / "sources" / "pier-radio" / "index.html").read_text(encoding="utf-8")
    paragraph_two = radio[radio.index('id="p2"'):radio.index('id="p3"')]
    assert 'href="../../quotes/brandt-waited/index.html"' in paragraph_two


def test_a_quote_page_sets_the_wordings_side_by_side(minimal_content, tmp_path, cli):
    cite_both(minimal_content)
    page = text_of(built_page(minimal_content, tmp_path, cli, "quotes/brandt-waited/index.html"))
    assert ("Reported by The Coastal Ledger and Harbour Radio Wording Checked word for word against each source paragraph"
            in page)
    assert ("Source Wording The Coastal Ledger paragraph 2 “We have waited four years for this” "
            "Harbour Radio paragraph 2 “Four years we have waited for this”") in page


def test_the_same_words_in_two_sources_make_no_table(minimal_content, tmp_path, cli):
    add_second_report(minimal_content)
    append_to_front(minimal_content / "quotes" / "okafor-ferry.md", "verbatim: false\n"
                    "also_in: [{source: pier-radio, paragraph: 3, wording: \"The ferry will run again by 2024\"}]")
    page = text_of(built_page(minimal_content, tmp_path, cli, "quotes/okafor-ferry/index.html"))
    assert "Reported by The Coastal Ledger and Harbour Radio , in the same words" in page
    assert "Wording The Coastal Ledger" not in page


def test_sources_compared_lists_both_only_and_where_they_differ(minimal_content, tmp_path, cli):
    cite_both(minimal_content)
    add_second_report(minimal_content, figure=True)
    page = text_of(built_page(minimal_content, tmp_path, cli, "compare/index.html"))
    assert "2 sources." in page
    pair = page[page.index("The Coastal Ledger and Harbour Radio"):]
    assert ("Both report (4) The ferry returns takeaway" in pair and "“We have waited four years for this” — Brandt" in pair
            and "The mayors meet at the pier event, 11 May 2023" in pair and "Jobs that depend on the ferry 1,200 jobs" in pair)
    assert ("Where they differ (2) Figures for the same quantity and date, with different values Figure The Coastal Ledger "
            "Harbour Radio Jobs that depend on the ferry (2023) 1,200 jobs 1,100 jobs") in pair
    assert ("Quotes both report, in other words Speaker The Coastal Ledger Harbour Radio Brandt "
            "“We have waited four years for this” “Four years we have waited for this”") in pair
    only_ledger = pair[pair.index("Only The Coastal Ledger reports"):pair.index("Only Harbour Radio reports")]
    assert only_ledger.startswith("Only The Coastal Ledger reports (2)")
    assert "“The ferry will run again by 2024” — Okafor" in only_ledger and "First pier summit" in only_ledger
    assert pair[pair.index("Only Harbour Radio reports"):].startswith(
        "Only Harbour Radio reports (1) Jobs that depend on the ferry 1,100 jobs")


def test_sources_compared_says_when_no_two_sources_share_a_record(minimal_content, tmp_path, cli):
    add_second_report(minimal_content)
    page = text_of(built_page(minimal_content, tmp_path, cli, "compare/index.html"))
    assert "No two sources report the same quote, takeaway, event or figure yet." in page
    sources = built_page(minimal_content, tmp_path, cli, "sources/index.html")
    assert '<a href="../compare/index.html">Sources compared</a>' in sources


def test_the_seed_briefing_cites_both_articles_where_they_overlap():
    """The venue chosen for Kim's interest in space, his tour of the launch site, military
    cooperation at the top of the agenda, the meeting itself, and Putin's remark on Kim's interest
    in rocket technology, which the two articles translate differently."""
    from briefing_gen.comparison import compare_sources
    from conftest import ROOT

    content, problems = load_content(ROOT / "content")
    assert errors_in(problems + validate(content)) == []
    briefing = make_briefing(content)
    pairs, apart = compare_sources(briefing.sources, briefing.takeaways, briefing.quotes, briefing.events,
                                   briefing.figures)
    assert apart == 0 and [(pair.first.slug, pair.second.slug) for pair in pairs] == [
        ("vostochny-summit-key-takeaways", "yonhap-kim-putin-four-years-on")]
    pair = pairs[0]
    assert [(record.kind, record.slug, [(c.source, c.paragraphs) for c in record.citations]) for record in pair.both] == [
        ("takeaways", "military-cooperation", [("vostochny-summit-key-takeaways", (3, 4, 5, 6, 7, 8, 9, 10, 11)),
                                               ("yonhap-kim-putin-four-years-on", (3, 13))]),
        ("takeaways", "a-north-korean-in-space", [("vostochny-summit-key-takeaways", (12, 13, 14, 15, 16, 17, 18)),
                                                  ("yonhap-kim-putin-four-years-on", (9, 10, 11))]),
        ("takeaways", "russia-courts-north-korea", [("yonhap-kim-putin-four-years-on", (2, 8, 9, 10, 11)),
                                                    ("vostochny-summit-key-takeaways", (14, 17))]),
        ("takeaways", "russia-needs-weapons", [("yonhap-kim-putin-four-years-on", (3, 12, 13)),
                                               ("vostochny-summit-key-takeaways", (4, 7))]),
        ("quotes", "putin-interest-in-missile-technology", [("vostochny-summit-key-takeaways", (17,)),
                                                            ("yonhap-kim-putin-four-years-on", (11,))]),
        ("events", "cosmodrome-tour", [("yonhap-kim-putin-four-years-on", (10,)),
                                       ("vostochny-summit-key-takeaways", (17,))]),
        ("events", "vostochny-summit", [("vostochny-summit-key-takeaways", (1,)),
                                        ("yonhap-kim-putin-four-years-on", (9,))]),
    ]
    assert [(d.quote.slug, d.first, d.second) for d in pair.wordings_differ] == [
        ("putin-interest-in-missile-technology", "There is a lot of interest in missile technology,",
         "I think Chairman Kim Jong-un is also very interested in space technology.")]
    assert pair.figures_differ == []
    assert len(pair.only_first) + len(pair.only_second) + len(pair.both) == sum(
        len(records) for records in (briefing.takeaways, briefing.quotes, briefing.events, briefing.figures))
    compared = text_of((ROOT / "site" / "compare" / "index.html").read_text(encoding="utf-8"))
    assert "Both report (7)" in compared and "Where they differ (1)" in compared
