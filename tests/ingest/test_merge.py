"""A second article about the same events: what it shares with the first becomes further
citations of the records already written, a figure that disagrees is kept and flagged, and a
record the editor changed is left alone (the citation is suggested instead).

The two articles (tests/fixtures/ingest/merge/) are fictional: a wire report and a paper's report
of one treaty signing, sharing two quotes (one in another translation), a figure (the crowd, at
another value), a figure at the same value and the signing itself.
"""

from __future__ import annotations

from briefing_gen.ingest.merge import same_words, similarity

from .helpers import FIXTURES, ingest, read_records

WIRE = FIXTURES / "merge" / "wire_canal.txt"
PAPER = FIXTURES / "merge" / "paper_canal.txt"
WIRE_SOURCE = "canal-treaty-signed-in-port-aldane"
PAPER_SOURCE = "port-aldane-ceremony-two-neighbours-share"


def ingest_both(content):
    (content).mkdir(parents=True, exist_ok=True)
    (content / "site.yaml").write_text("title: Canal briefing\nbase_url: https://example.org/\ncompares: none\n")
    assert ingest([WIRE], content, published="2031-05-14", outlet="Wire Agency")[0] == 0
    code, out, err = ingest([PAPER], content, published="2031-05-14", outlet="Aldane Courier")
    assert code == 0, err
    return out


def without_origin(records):
    return {slug: front for slug, (front, _) in records.items()}


def test_a_second_article_adds_its_citations_instead_of_duplicates(tmp_path):
    content = tmp_path / "content"
    out = ingest_both(content)
    quotes = read_records(content, "quotes")
    assert sorted(quotes) == ["edda-kalvin-this-canal-belongs-to", "edda-kalvin-we-will-not-forget",
                              "mira-odell-we-have-paid-for", "oren-vasko-trade-will-come-back"]
    kalvin, body = quotes["edda-kalvin-this-canal-belongs-to"]
    assert body == "This canal belongs to both our peoples, and today we open it together,"
    assert (kalvin["source"], kalvin["paragraph"]) == (WIRE_SOURCE, 2)
    # another translation: one record, with the paper's wording beside the wire's
    assert kalvin["also_in"] == [{"source": PAPER_SOURCE, "paragraph": 2,
                                  "wording": "Today we open this canal together, for it belongs to both our peoples,"}]
    # the same words: a citation, no wording
    assert quotes["oren-vasko-trade-will-come-back"][0]["also_in"] == [{"source": PAPER_SOURCE, "paragraph": 5}]
    # another quote of the same speaker is not taken for the first
    assert "also_in" not in quotes["edda-kalvin-we-will-not-forget"][0]
    assert quotes["edda-kalvin-we-will-not-forget"][0]["source"] == PAPER_SOURCE

    events = without_origin(read_records(content, "events"))
    assert list(events) == ["marovia-and-tessary-signed-a-canal"]
    assert events["marovia-and-tessary-signed-a-canal"]["also_in"] == [{"source": PAPER_SOURCE, "paragraph": 1}]

    figures = without_origin(read_records(content, "figures"))
    assert figures == {
        "crowd-people-2031": {"label": "Crowd: people", "value": 8000, "unit": "people", "as_of": "2031-05-13",
                              "source": WIRE_SOURCE, "paragraph": 3},
        "crowd-people-2031-2": {"label": "Crowd: people", "value": 9500, "unit": "people", "as_of": "2031-05-13",
                                "source": PAPER_SOURCE, "paragraph": 4},
        "treaty-covers-locks-2031": {"label": "Treaty covers: locks", "value": 14, "unit": "locks",
                                     "as_of": "2031-05-13", "source": WIRE_SOURCE, "paragraph": 5,
                                     "also_in": [{"source": PAPER_SOURCE, "paragraph": 6}]},
    }
    conflict = ("Crowd: people (2031-05-13) is 9,500 people in source 'port-aldane-ceremony-two-neighbours-share' "
                "(figures/crowd-people-2031-2.md) but 8,000 people in source 'canal-treaty-signed-in-port-aldane' "
                "(figures/crowd-people-2031.md): both kept")
    paper = read_records(content, "sources")[PAPER_SOURCE][0]
    assert paper["review"] == [{"kind": "conflict", "text": conflict, "paragraph": 4}]
    assert out.splitlines()[3:8] == [
        f"merged: quotes/edda-kalvin-this-canal-belongs-to.md also reported by {PAPER_SOURCE} paragraph 2",
        f"merged: quotes/oren-vasko-trade-will-come-back.md also reported by {PAPER_SOURCE} paragraph 5",
        f"merged: events/marovia-and-tessary-signed-a-canal.md also reported by {PAPER_SOURCE} paragraph 1",
        f"merged: figures/treaty-covers-locks-2031.md also reported by {PAPER_SOURCE} paragraph 6",
        f"conflict: {conflict}"]


def test_the_merged_records_build_and_the_site_compares_the_two(tmp_path, cli, capsys):
    content = tmp_path / "content"
    ingest_both(content)
    out = tmp_path / "site"
    assert cli("build", "--content", str(content), "--out", str(out), "-q") == 0, capsys.readouterr().err
    compared = (out / "compare" / "index.html").read_text(encoding="utf-8")
    assert "<h3 id=\"pair-canal-treaty-signed-in-port-aldane--port-aldane-ceremony-two-neighbours-share-both\">Both report (4)</h3>" in compared
    assert "<td><a href=\"../index.html#figure-crowd-people-2031\">8,000 people</a></td><td><a href=\"../index.html#figure-crowd-people-2031-2\">9,500 people</a></td>" in compared
    quote = (out / "quotes" / "edda-kalvin-this-canal-belongs-to" / "index.html").read_text(encoding="utf-8")
    assert "<td>“Today we open this canal together, for it belongs to both our peoples”</td>" in quote


def test_ingesting_again_keeps_the_citations_and_adds_nothing(tmp_path):
    content = tmp_path / "content"
    ingest_both(content)
    before = {path: path.read_bytes() for path in content.rglob("*.md")}
    code, out, _ = ingest([WIRE], content, published="2031-05-14", outlet="Wire Agency")
    # the wire's source now names the conflict too; its records keep the paper's citations
    assert code == 0 and "merged:" not in out and "wrote:" not in out
    assert [line for line in out.splitlines() if line.startswith("updated:")] == [
        f"updated: {content}/sources/{WIRE_SOURCE}.md"]
    wire = read_records(content, "sources")[WIRE_SOURCE][0]
    assert [entry["kind"] for entry in wire["review"]] == ["conflict"]
    assert "8,000 people in source 'canal-treaty-signed-in-port-aldane'" in wire["review"][0]["text"]
    changed = {path for path in content.rglob("*.md") if before.get(path) != path.read_bytes()}
    assert changed == {content / "sources" / f"{WIRE_SOURCE}.md"}
    before = {path: path.read_bytes() for path in content.rglob("*.md")}
    for article, outlet in ((WIRE, "Wire Agency"), (PAPER, "Aldane Courier")):
        code, out, _ = ingest([article], content, published="2031-05-14", outlet=outlet)
        assert code == 0 and "merged:" not in out and "wrote:" not in out and "updated:" not in out, out
    assert {path: path.read_bytes() for path in content.rglob("*.md")} == before


def test_a_record_the_editor_changed_gets_a_suggestion_not_a_citation(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "site.yaml").write_text("title: Canal briefing\nbase_url: https://example.org/\ncompares: none\n")
    assert ingest([WIRE], content, published="2031-05-14", outlet="Wire Agency")[0] == 0
    edited = content / "quotes" / "edda-kalvin-this-canal-belongs-to.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace('role: "Marovian President"', 'role: "President of Marovia"'),
                      encoding="utf-8")
    edited_text = edited.read_text(encoding="utf-8")
    code, out, _ = ingest([PAPER], content, published="2031-05-14", outlet="Aldane Courier")
    assert code == 0
    assert edited.read_text(encoding="utf-8") == edited_text  # never changed
    suggestion = (f'add also_in: [{{source: "{PAPER_SOURCE}", paragraph: 2, wording: "Today we open this canal '
                  'together, for it belongs to both our peoples,"}]')
    assert f"suggestion: quotes/edda-kalvin-this-canal-belongs-to.md: {suggestion} (not added: you edited the file)" in out
    review = read_records(content, "sources")[PAPER_SOURCE][0]["review"]
    assert {"kind": "also-in", "text": f"quotes/edda-kalvin-this-canal-belongs-to.md reports this too: {suggestion}",
            "paragraph": 2} in review
    # and no second record of the same words
    assert sorted(read_records(content, "quotes")) == ["edda-kalvin-this-canal-belongs-to", "edda-kalvin-we-will-not-forget",
                                                       "mira-odell-we-have-paid-for", "oren-vasko-trade-will-come-back"]


def test_matching_words_allows_for_translation_but_not_for_another_sentence():
    assert same_words("This canal belongs to both our peoples, and today we open it together,",
                      "Today we open this canal together, for it belongs to both our peoples,")
    assert not same_words("This canal belongs to both our peoples, and today we open it together,",
                          "We will not forget the ten lost years,")
    # a one-word fragment matches only itself, in order
    assert not same_words("opportunities", "There are many opportunities for trade in the region.")
    assert similarity("Tessary's new canal opens", "the new canal of Tessary opens") == 1.0  # possessives
