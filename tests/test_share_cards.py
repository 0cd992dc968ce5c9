"""The build's share cards and data: a card per quote, summit and the home page, drawn again
only when what it shows changes; briefing.json and the schemas published beside the pages."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from PIL import Image

from briefing_gen import card_image
from conftest import ROOT, run_cli
from sitecheck import tree_bytes

TEMPLATES = ROOT / "templates"
BASE_URL = "https://example.org/harbour/"  # the minimal fixture's
CARDS = ["card.png", "quotes/brandt-waited/card.png", "quotes/okafor-ferry/card.png",
         "summits/2019-pier/card.png", "summits/2023-pier/card.png"]


def build(content: Path, out: Path) -> None:
    assert run_cli("build", "--content", str(content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0


def meta(page: str, name: str) -> list[str]:
    return re.findall(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', page)


@pytest.fixture
def drawn(monkeypatch) -> list[str]:
    """The headline of every card drawn, in order."""
    headlines: list[str] = []
    draw = card_image.draw_card

    def counting(text):
        headlines.append(text.headline)
        return draw(text)
    monkeypatch.setattr(card_image, "draw_card", counting)
    return headlines


def test_every_quote_summit_and_the_home_page_has_its_card(minimal_content, tmp_path):
    out = tmp_path / "site"
    build(minimal_content, out)
    assert sorted(path for path in tree_bytes(out) if path.endswith(".png")) == sorted(CARDS)
    for card in CARDS:
        image = Image.open(io.BytesIO((out / card).read_bytes()))
        assert (image.format, image.size) == ("PNG", (1200, 630))
        page = (out / card.replace("card.png", "index.html")).read_text(encoding="utf-8")
        assert meta(page, "og:image") == [BASE_URL + card]
        assert meta(page, "og:image:width") == ["1200"] and meta(page, "og:image:height") == ["630"]
        assert meta(page, "twitter:card") == ["summary_large_image"]
        assert meta(page, "og:image:alt")[0] == meta(page, "twitter:image:alt")[0] != ""
    quote_page = (out / "quotes/brandt-waited/index.html").read_text(encoding="utf-8")
    assert "We have waited four years for this" in meta(quote_page, "og:image:alt")[0]
    # pages without a card keep the small preview
    timeline = (out / "timeline/index.html").read_text(encoding="utf-8")
    assert meta(timeline, "og:image") == [] and meta(timeline, "twitter:card") == ["summary"]


def test_a_card_is_drawn_again_only_when_what_it_shows_changes(minimal_content, tmp_path, drawn):
    out = tmp_path / "site"
    build(minimal_content, out)
    assert len(drawn) == len(CARDS)
    cards_before = {card: (out / card).read_bytes() for card in CARDS}
    drawn.clear()
    quote = minimal_content / "quotes" / "okafor-ferry.md"
    quote.write_text(quote.read_text().replace("via: The Coastal Ledger", "via: Harbour Radio"))  # not on the card
    build(minimal_content, out)
    assert drawn == []
    person = minimal_content / "people" / "anna-brandt.md"
    person.write_text(person.read_text().replace("name: Anna Brandt", "name: Anna Brandt-Lund"))
    build(minimal_content, out)
    assert drawn == ["We have waited four years for this"]  # her quote's card names her
    changed = [card for card in CARDS if (out / card).read_bytes() != cards_before[card]]
    assert changed == ["quotes/brandt-waited/card.png"]
    drawn.clear()
    quote.write_text(quote.read_text().replace("via: Harbour Radio", "via: Harbour Radio\nrole: Harbour master"))
    build(minimal_content, out)  # the role is on the card
    assert drawn == ["The ferry will run again by 2024"]


def test_a_site_without_cards_and_data(minimal_content, tmp_path, drawn):
    with (minimal_content / "site.yaml").open("a", encoding="utf-8") as settings:
        settings.write("cards: false\ndata: false\n")
    out = tmp_path / "site"
    build(minimal_content, out)
    assert drawn == [] and not [path for path in tree_bytes(out) if path.endswith((".png", ".json"))]
    home = (out / "index.html").read_text(encoding="utf-8")
    assert meta(home, "og:image") == [] and meta(home, "twitter:card") == ["summary"]


def test_the_site_publishes_its_data_and_the_schema_it_names(minimal_content, tmp_path):
    out = tmp_path / "site"
    build(minimal_content, out)
    data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    assert data["$schema"] == BASE_URL + "schemas/briefing.schema.json"
    published = json.loads((out / "schemas" / "briefing.schema.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(published).iter_errors(data)) == []
    assert [quote["slug"] for quote in data["records"]["quotes"]] == ["brandt-waited", "okafor-ferry"]
    assert sorted(path.name for path in (out / "schemas").iterdir()) == sorted(
        path.name for path in (ROOT / "schemas").iterdir())


def test_the_data_follows_an_edit(minimal_content, tmp_path):
    out = tmp_path / "site"
    build(minimal_content, out)
    person = minimal_content / "people" / "anna-brandt.md"
    person.write_text(person.read_text().replace("name: Anna Brandt", "name: Anna Brandt-Lund"))
    build(minimal_content, out)
    data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    assert data["records"]["quotes"][0]["references"]["person"]["title"] == "Anna Brandt-Lund"
