"""Who a paragraph names before any quote is attributed: organisations by their names."""

from __future__ import annotations

from briefing_gen.ingest.mentions import organization_names


def test_an_organisation_word_before_its_of_names_an_organisation():
    found = organization_names("Volunteers from the Ferrand Institute of Glass met staff of the Ministry of Harbours "
                               "and the Östergren Museum of Maps on Friday.")
    assert "Ferrand Institute of Glass" in found and "Östergren Museum of Maps" in found
    assert not any("Friday" in name for name in found)


def test_a_name_with_no_organisation_word_is_no_organisation():
    assert organization_names("Maren Holt of Quayside Lane spoke to Tobias Reyne.") == []
