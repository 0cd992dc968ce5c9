"""Writing records: stable front matter, the manifest, never overwriting an edit,
dry runs, and inputs that cannot be read."""

from __future__ import annotations

import yaml

from briefing_gen.ingest.records import Draft, dump_front_matter, slugify

from .helpers import FIXTURES, ingest, read_records

ARTICLE = FIXTURES / "tv_harbor.txt"


def test_front_matter_keeps_key_order_and_quotes_dates():
    text = dump_front_matter({"title": "A: b", "said_on": "2019-04", "year": "2019", "paragraph": 3,
                              "partial": True, "byline": ["Ann Lee"], "window": {"from": "2019-04-01", "to": "2019-04-30"},
                              "removed": [{"kind": "spam", "text": "토토", "paragraph": 0}], "empty": []})
    assert text.splitlines()[0] == 'title: "A: b"'
    assert 'said_on: "2019-04"' in text and 'year: "2019"' in text
    loaded = yaml.safe_load(text)
    assert loaded["said_on"] == "2019-04" and loaded["year"] == "2019" and loaded["partial"] is True
    assert loaded["removed"] == [{"kind": "spam", "text": "토토", "paragraph": 0}]
    assert list(loaded) == ["title", "said_on", "year", "paragraph", "partial", "byline", "window", "removed", "empty"]


def test_none_values_are_left_out():
    assert dump_front_matter({"a": None, "b": "x"}) == 'b: "x"\n'


def test_slugify():
    assert slugify("Whatever Kim Jong-un wants… North Korea’s") == "whatever-kim-jong-un-wants-north"
    assert slugify("Ève Dupont-Lœwe", 8) == "eve-dupont-lwe"
    assert slugify("!!!") == "record"


def test_draft_text_has_front_matter_and_body():
    draft = Draft("quotes", "x", {"speaker": "Ann"}, "Hello.\n")
    assert draft.text() == '---\nspeaker: "Ann"\n---\nHello.\n'


def test_rerun_changes_nothing(tmp_path):
    ingest([ARTICLE], tmp_path, published="2024-05-16")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    code, out, _ = ingest([ARTICLE], tmp_path, published="2024-05-16")
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert code == 0 and before == after
    assert "wrote:" not in out and "unchanged" in out


def test_an_edited_record_is_kept(tmp_path):
    ingest([ARTICLE], tmp_path, published="2024-05-16")
    quote = next((tmp_path / "quotes").glob("tomas-rell-there-is-nothing*.md"))
    edited = quote.read_text(encoding="utf-8").replace('said_on: "2020-03"', 'said_on: "2020-03-02"')
    quote.write_text(edited, encoding="utf-8")
    code, out, _ = ingest([ARTICLE], tmp_path, published="2024-05-15")  # a different date changes every draft
    assert code == 0
    assert f"kept your edit: {quote}" in out
    assert quote.read_text(encoding="utf-8") == edited


def test_ingest_updates_its_own_unedited_files(tmp_path):
    ingest([ARTICLE], tmp_path, published="2024-05-16")
    code, out, _ = ingest([ARTICLE], tmp_path, published="2024-05-17")
    assert code == 0 and "updated:" in out and "kept your edit" not in out


def test_dry_run_writes_nothing(tmp_path):
    code, out, _ = ingest([ARTICLE], tmp_path / "content", published="2024-05-16", dry_run=True)
    assert code == 0
    assert not (tmp_path / "content").exists()
    assert "would write:" in out and "dry run: nothing written" in out and "records:" in out


def test_a_latin_1_text_file_is_read_not_refused(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Headline\n\nA caf\xe9 opened in the old station, and the mayor came to see it.\n")
    code, _, err = ingest([latin], tmp_path / "content", published="2024-05-16")
    assert code == 0, err
    [(_, body)] = read_records(tmp_path / "content", "sources").values()
    assert "A café opened" in body


def test_undecodable_input_is_an_error_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Headline\n\x00\x01\x02\xff\xfe\x00binary\x00")
    code, _, err = ingest([bad], tmp_path / "content", published="2024-05-16")
    assert code == 1
    assert err.startswith(f"{bad}: ") and "Traceback" not in err
    assert not (tmp_path / "content").exists()


def test_missing_file_is_an_error(tmp_path):
    code, _, err = ingest([tmp_path / "nope.txt"], tmp_path / "content", published="2024-05-16")
    assert code == 1 and "nope.txt" in err


def test_malformed_published_is_a_usage_error(tmp_path):
    code, _, err = ingest([ARTICLE], tmp_path, published="16/05/2024")
    assert code == 2 and "--published" in err


def test_bom_and_crlf_are_read(tmp_path):
    article = tmp_path / "crlf.txt"
    article.write_bytes("\ufeffA headline\r\n\r\n“We will win,” said Ann Lee on Monday.\r\n".encode("utf-8"))
    code, _, _ = ingest([article], tmp_path / "content", published="2024-05-16")
    [(front, body)] = read_records(tmp_path / "content", "quotes").values()
    assert code == 0 and body == "We will win," and front["said_on"] == "2024-05-13"
    [(source, _)] = read_records(tmp_path / "content", "sources").values()
    assert source["title"] == "A headline"


def test_cli_wires_ingest(tmp_path, cli):
    assert cli("ingest", str(ARTICLE), "--published", "2024-05-16", "--content", str(tmp_path)) == 0
    assert (tmp_path / ".ingest-manifest.json").is_file()
    assert cli("ingest", str(ARTICLE), "--published", "yesterday", "--content", str(tmp_path)) == 2


def test_people_merge_across_articles(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("Talks resume\n\nPresident Kim Jong-un met envoys on Monday.\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("Talks end\n\n“We are done,” said Kim Jong Un on Tuesday, as Chairman Kim left.\n", encoding="utf-8")
    ingest([first], tmp_path / "content", published="2024-05-16")
    ingest([second], tmp_path / "content", published="2024-05-16")
    people = read_records(tmp_path / "content", "people")
    assert list(people) == ["kim-jong-un"]
    assert people["kim-jong-un"][0]["aliases"] == ["Kim Jong-un", "Kim Jong Un", "Chairman Kim"]


def test_html_tags_in_a_text_article_never_become_live_html(tmp_path):
    article = tmp_path / "tags.txt"
    article.write_text("Headline here\n\nThe page said <script>alert(1)</script> and <b>bold</b> things.\n\n"
                       "<Ana Ruiz / Mayor (yesterday)> “We are ready.”\n", encoding="utf-8")
    ingest([article], tmp_path / "content", published="2024-05-16")
    [(_, body)] = read_records(tmp_path / "content", "sources").values()
    assert "<script" not in body and "<b>" not in body and "&lt;script>" in body
    assert "<Ana Ruiz / Mayor (yesterday)>" in body


def test_a_record_of_another_article_is_never_taken_over(tmp_path):
    content = tmp_path / "content"
    (content / "quotes").mkdir(parents=True)
    other = content / "quotes" / "tomas-rell-there-is-nothing-to.md"
    other.write_text('---\nspeaker: "Tomas Rell"\nsource: "another-article"\n---\nThere is nothing to add.\n', encoding="utf-8")
    code, out, _ = ingest([ARTICLE], content, published="2024-05-16")
    assert code == 0 and "kept your edit" not in out
    assert other.read_text(encoding="utf-8").endswith("nothing to add.\n")
    assert (content / "quotes" / "tomas-rell-there-is-nothing-to-2.md").is_file()


def test_an_article_without_a_date_is_an_error_that_says_so(tmp_path):
    """Neither the article nor --published gives a date: nothing is guessed or written."""
    code, out, err = ingest([ARTICLE], tmp_path / "content", published=None)
    assert code == 1
    assert err.strip() == f"{ARTICLE}: no publication date: the article states none; pass --published YYYY-MM-DD"
    assert not (tmp_path / "content").exists()


def test_html_byline_and_date_elements_are_metadata_not_paragraphs(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<html><head><title>Talks resume | News Site</title></head><body><div class="article-content">'
                    '<span class="byline">By Jon Ash and Mia Kerr</span><time datetime="2024-07-03">3 July 2024</time>'
                    '<p>Talks resumed in Geneva on Monday after a pause of six months.</p></div></body></html>', encoding="utf-8")
    ingest([page], tmp_path / "content")
    [(source, body)] = read_records(tmp_path / "content", "sources").values()
    assert source["byline"] == ["Jon Ash", "Mia Kerr"] and source["published"] == "2024-07-03"
    assert source["outlet"] == "News Site" and body == "Talks resumed in Geneva on Monday after a pause of six months."


def test_an_empty_article_is_an_error_naming_the_file(tmp_path):
    for name, text in (("empty.txt", ""), ("blank.md", "\n  \n"), ("blank.html", " \n")):
        article = tmp_path / name
        article.write_text(text)
        code, _, err = ingest([article], tmp_path / "content", published="2024-05-16")
        assert code == 1 and err.startswith(f"{article}:1:"), err
        assert not (tmp_path / "content").exists()


def test_an_impossible_date_in_markdown_front_matter_is_no_traceback(tmp_path):
    article = tmp_path / "dated.md"
    article.write_text("---\ntitle: Harbour deal\ndate: 2023-13-01\n---\n# Harbour deal\n\n"
                       "Mayor Ann Lee signed the ferry deal on Tuesday.\n")
    code, _, _ = ingest([article], tmp_path / "content", published="2024-05-16")
    assert code == 0
    [(source, _)] = read_records(tmp_path / "content", "sources").values()
    assert source["title"] == "Harbour deal"
