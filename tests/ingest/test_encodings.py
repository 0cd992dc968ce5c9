"""Issue 14, encodings: a page is read in the charset it declares (BOM, <meta charset>,
http-equiv, UTF-16, the server's), else the one detected; only bytes no encoding
explains are refused, with the file's path and exit 1."""

from __future__ import annotations

import codecs

import pytest

from briefing_gen.ingest.decode import DecodeError, codec_name, decode_bytes, declared_charset
from briefing_gen.ingest.readers import InputError, read_article

from .helpers import ingest, read_records

PARAGRAPH = "Le café de la gare a rouvert ses portes à Nîmes, où l'équipe a été accueillie par le maire."


def page(head: str, body: str = PARAGRAPH) -> str:
    return f"<!doctype html><html><head>{head}<title>Réouverture</title></head><body><article><h1>Réouverture</h1><p>{body}</p></article></body></html>"


@pytest.mark.parametrize("head, encoding", [
    ('<meta charset="windows-1252">', "cp1252"),
    ('<meta charset=iso-8859-1>', "cp1252"),  # browsers read Latin-1 labels as windows-1252
    ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">', "iso8859-15"),
])
def test_the_declared_charset_is_used(head, encoding):
    raw = page(head).encode(encoding)
    text, used = decode_bytes(raw)
    assert PARAGRAPH in text and codecs.lookup(used).name == codecs.lookup(encoding).name


def test_windows_1252_quotes_under_a_latin_1_label():
    raw = page('<meta charset="iso-8859-1">', "\u201cWe are back,\u201d she said.").encode("cp1252")
    assert "\u201cWe are back,\u201d she said." in decode_bytes(raw)[0]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_byte_order_marks_and_utf16_without_one(encoding):
    text = page('<meta charset="utf-8">')
    raw = text.encode(encoding)
    if encoding == "utf-16-le":
        assert not raw.startswith(codecs.BOM_UTF16_LE)
    assert decode_bytes(raw)[0].lstrip("\ufeff") == text


def test_utf8_wins_over_a_stale_single_byte_declaration():
    raw = page('<meta charset="iso-8859-1">').encode("utf-8")
    assert PARAGRAPH in decode_bytes(raw)[0]


def test_the_server_charset_counts_before_the_page_declaration():
    raw = ('<html><head><meta charset="windows-1252"></head><body><p>Всё готово к открытию моста через реку.</p>'
           '</body></html>').encode("koi8-r")
    assert "Всё готово" in decode_bytes(raw, declared="KOI8-R")[0]


def test_an_undeclared_page_is_detected():
    russian = ("Мэр города сказал, что новый мост через реку откроют в конце сентября, "
               "а движение по старому мосту закроют на ремонт до весны следующего года. ") * 4
    raw = f"<html><head><title>Мост</title></head><body><p>{russian}</p></body></html>".encode("cp1251")
    text, used = decode_bytes(raw)
    assert "новый мост" in text


def test_a_few_broken_bytes_in_utf8_do_not_garble_the_rest():
    raw = page('<meta charset="utf-8">').encode("utf-8") + b"<p>cut \xc3</p>"
    text, _ = decode_bytes(raw)
    assert PARAGRAPH in text and "\ufffd" in text


def test_labels():
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-2"?><html>') == "iso8859-2"
    assert declared_charset(b"<meta charset='no-such-charset'>") is None
    assert codec_name("utf-16") == "utf-8"  # an ASCII <meta> cannot be UTF-16


def test_binary_bytes_are_refused():
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(256)) * 8)


def test_a_latin_1_page_is_ingested_not_refused(tmp_path):
    article = tmp_path / "gare.html"
    article.write_bytes(page('<meta http-equiv="content-type" content="text/html; charset=iso-8859-1">').encode("latin-1"))
    code, _, err = ingest([article], tmp_path / "content", published="2024-05-16")
    assert code == 0, err
    [(front, body)] = read_records(tmp_path / "content", "sources").values()
    assert front["title"] == "Réouverture" and "Le café de la gare" in body


def test_an_undecodable_file_names_its_path_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"<html>\x00\x01\x02" + bytes(range(128, 256)) * 4)
    with pytest.raises(InputError, match=str(bad)):
        read_article(str(bad))
    code, _, err = ingest([bad], tmp_path / "content", published="2024-05-16")
    assert code == 1 and err.startswith(f"{bad}: ") and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "content").exists()
