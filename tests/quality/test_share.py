"""Link previews and data, read by the tools that consume them: extruct reads each page's Open
Graph tags as a link preview does; jsonschema checks briefing.json against the schema it names."""

from __future__ import annotations

import json
import re

import extruct
import jsonschema
import pytest
import yaml
from PIL import Image

from .conftest import ROOT


def _base_url(site) -> str:
    base = str(yaml.safe_load((site.content / "site.yaml").read_text(encoding="utf-8"))["base_url"])
    return base if base.endswith("/") else base + "/"


def open_graph(site, page) -> dict[str, list[str]]:
    """The Open Graph properties of a page, as extruct reads them (a property may repeat)."""
    url = _base_url(site) + site.rel(page)
    found = extruct.extract(page.read_text(encoding="utf-8"), base_url=url, syntaxes=["opengraph"], uniform=False)
    properties: dict[str, list[str]] = {}
    for block in found["opengraph"]:
        for name, value in block["properties"]:
            properties.setdefault(name, []).append(value)
    return properties


def pages_with_cards(site):
    return [site.root / "index.html", *site.pages_of_kind("quotes"), *site.pages_of_kind("summits")]


def test_every_card_page_has_an_open_graph_image_that_is_there(site):
    base = _base_url(site)
    pages = pages_with_cards(site)
    assert len(pages) > 20
    for page in pages:
        graph = open_graph(site, page)
        where = site.rel(page)
        assert graph["og:url"] == [base + where], where
        [image] = graph["og:image"]
        assert image.startswith(base), f"{where}: og:image must be absolute, from base_url: {image}"
        local = site.root / image[len(base):]
        assert local.is_file(), f"{where}: og:image {image} is not in the site"
        with Image.open(local) as card:
            assert card.format == "PNG"
            assert graph["og:image:width"] == [str(card.width)] and graph["og:image:height"] == [str(card.height)]
            assert card.size == (1200, 630)
        assert graph["og:image:type"] == ["image/png"]
        [alt] = graph["og:image:alt"]
        assert len(alt) > 20, where
        assert re.search(r'<meta name="twitter:card" content="summary_large_image">', page.read_text(encoding="utf-8")), where


def test_a_quote_card_is_described_by_its_words_and_speaker(site):
    page = site.root / "quotes" / "putin-one-old-friend" / "index.html"
    [alt] = open_graph(site, page)["og:image:alt"]
    assert "One old friend is better than two new ones." in alt and "Vladimir Putin" in alt and "13 September 2023" in alt


def test_pages_without_a_card_have_no_image(site):
    for page in (site.root / "timeline" / "index.html", site.richest("people")):
        assert "og:image" not in open_graph(site, page)


def test_the_published_data_is_valid_against_the_schema_it_names(site):
    data = json.loads((site.root / "briefing.json").read_text(encoding="utf-8"))
    base = _base_url(site)
    assert data["$schema"].startswith(base)
    schema_file = site.root / data["$schema"][len(base):]
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [f"{list(error.path)}: {error.message}" for error in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []
    # every record's page is in the site
    for listed in data["records"].values():
        for record in listed:
            assert (site.root / record["path"].split("#")[0]).is_file(), record["path"]


@pytest.mark.parametrize("name", ["quotes", "summits", "site"])
def test_the_published_schemas_are_the_committed_ones(site, name):
    published = (site.root / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert published == (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
