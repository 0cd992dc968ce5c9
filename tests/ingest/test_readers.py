"""Reading a page: the article's own byline is its author, never a byline of a card for another article."""

from __future__ import annotations

from briefing_gen.ingest.readers import read_html

_BODY = "".join(f"<p>Paragraph {n} of the story about the harbour wall and the storm that came in over the weekend, "
                f"as residents of the town told it to our reporter on the quay.</p>" for n in range(1, 9))


def _page(byline: str, cards: str, meta: str = "") -> str:
    return (f"<html><head><title>Harbour wall gives way</title>{meta}</head><body><article><h1>Harbour wall gives way</h1>"
            f"{byline}{_BODY}</article><section class='more'>{cards}</section></body></html>")


_CARD = ("<div class='card'><h2><a href='/news/2024/other-story'>Ferry fares to rise in spring</a></h2>"
         "<div class='meta'><span itemprop='author'><span itemprop='name'>Orla Penhaligon</span></span></div></div>")


def test_a_byline_only_on_a_card_for_another_article_is_not_the_author():
    assert "Orla Penhaligon" not in read_html(_page("", _CARD * 3)).byline


def test_the_article_own_byline_and_a_declared_author_stay():
    own = "<p class='byline'>By <span itemprop='author'>Kit Varga</span></p>"
    assert read_html(_page(own, _CARD)).byline == ["Kit Varga"]
    meta = "<meta name='author' content='Orla Penhaligon'>"
    assert read_html(_page("", _CARD, meta)).byline == ["Orla Penhaligon"]
