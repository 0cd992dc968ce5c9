"""The HTML reader's own parts around trafilatura: the JSON-LD body, an article cut by ads,
a "More on this topic" line kept for cleaning, tables, bylines."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_gen.ingest.clean import clean_blocks
from briefing_gen.ingest.readers import read_article, read_html
from briefing_gen.ingest.webpage import byline_names

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
PROSE = ("The harbour board met on Tuesday evening to hear the engineers' report on the pier, "
         "which found the timber piles sound but the deck in need of repair before the summer.")


def test_a_longer_json_ld_body_is_read_when_the_markup_holds_a_part():
    story = [f"Paragraph {number} of the story. {PROSE}" for number in range(1, 7)]
    ld = {"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", "headline": "Pier repairs",
                                                         "articleBody": "\n\n".join(story) + " &amp; more."}]}
    page = (f'<html><head><title>Pier repairs</title><script type="application/ld+json">{json.dumps(ld)}</script>'
            f'</head><body><article><h1>Pier repairs</h1><p>{story[0]}</p></article></body></html>')
    article = read_html(page)
    assert article.blocks[: 5] == story[:5] and article.blocks[5] == story[5] + " & more."
    assert article.extracted_by.startswith("JSON-LD articleBody, ")


def test_a_json_ld_body_longer_than_the_markup_replaces_it():
    story = [f"Paragraph {number} of the story. {PROSE}" for number in range(1, 7)]
    ld = {"@type": "NewsArticle", "articleBody": "\n\n".join(story)}
    page = (f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head><body><article>'
            f'<h1>Pier repairs</h1><p>{story[0]}</p><p>{story[1]}</p>'
            f'<p>{story[2][:60]}</p></article><footer>{PROSE.upper()}</footer></body></html>')
    article = read_html(page)
    assert article.blocks == story and "longer than what was found in the markup by trafilatura" in article.extracted_by


def test_the_later_stretches_of_an_article_cut_by_ads_follow_the_first():
    article = read_article(str(PAGES / "wired.com.burn.html"))
    body = "\n".join(article.blocks)
    assert "“AI is clearly moving toward lighter models and greener AI,”" in body  # after the fourth ad
    assert article.extracted_by.endswith("with the later parts of an article cut by ads")
    assert len(article.blocks) == len(set(article.blocks))  # nothing twice


def test_a_more_on_this_topic_line_is_kept_for_cleaning_and_never_leaks_its_marker():
    page = (f"<html><body><article><h1>Pier</h1><p>{PROSE}</p><p>{PROSE} It opens in May.</p>"
            "<h2><span>More on this topic</span></h2><p>Storm closes airport</p>"
            f"<p>Flights resumed on Friday, the airport said.</p></article></body></html>")
    blocks = read_html(page).blocks
    assert "## More on this topic" in blocks and not any("BRIEFINGGEN" in block for block in blocks)
    cleaned = clean_blocks(blocks)
    assert [note["text"] for note in cleaned.removed][0] == "## More on this topic"
    assert not any("Storm" in paragraph for paragraph in cleaned.paragraphs)


def test_tables_are_rows_and_bylines_are_people():
    rows = "".join(f"<tr><td>Crossing {n}</td><td>{n * 20} passengers</td></tr>" for n in range(1, 4))
    page = f"<html><body><article><h1>Ferry</h1><p>{PROSE}</p><table>{rows}</table><p>{PROSE}</p></article></body></html>"
    assert "| Crossing 2 | 40 passengers |" in read_html(page).blocks
    assert byline_names(["Rob Picheta, CNN"], "CNN") == ["Rob Picheta"]
    assert byline_names(["No Author"], None) == []
    assert byline_names(["By Jon Ash and Mia Kerr; Lena Oder"], None) == ["Jon Ash", "Mia Kerr", "Lena Oder"]


def test_a_table_that_lays_out_the_page_gives_its_paragraphs_one_by_one():
    story = [f"Paragraph {number} of the story. {PROSE}" for number in range(1, 5)]
    cell = "".join(f"<p>{text}</p>" for text in story)
    page = (f"<html><body><table><tr><td><p>Pier repairs to start in May</p></td></tr>"
            f"<tr><td>{cell}</td></tr></table></body></html>")
    blocks = read_html(page).blocks
    assert all(text in blocks for text in story)  # not one row with every paragraph glued
