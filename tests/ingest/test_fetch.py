"""Issue 14, `ingest URL`: pages served by a local http.server on 127.0.0.1 (nothing here
touches the internet). A fetched page is read like a file, its bytes are kept exactly
beside the source record with where and when they came from, every redirect is
recorded, and any failure is one line, exit 1, with nothing written."""

from __future__ import annotations

import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from briefing_gen.ingest import fetching
from conftest import ROOT, run_cli

from .helpers import ingest, read_records

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Eastport ferry runs again | Harbour Post</title>
<meta property="og:site_name" content="Harbour Post">
<meta property="article:published_time" content="2024-03-14T09:00:00Z">
<meta name="author" content="Lina Oderberg">
<link rel="canonical" href="https://harbour-post.example/news/ferry-runs-again">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Eastport ferry runs again</h1>
<p>The Eastport ferry carried its first passengers on Wednesday after a winter of repairs to the pier.</p>
<p>“We waited four months for this morning,” said Mayor Anna Brandt, who took the first crossing.</p>
<p>The operator said the boats would run every hour from Monday, and that the timetable would be posted at the pier.</p>
</article>
<footer>© Harbour Post</footer>
</body></html>
""".encode()

UNDATED = b"<html><head><title>Notice</title></head><body><article><h1>Notice</h1><p>The pier is open again for walkers and anglers, the council said in a short notice.</p></article></body></html>"
LATIN = ("<html><head><title>Caf\u00e9 opens</title></head><body><article><h1>Caf\u00e9 opens</h1>"
         "<p>A caf\u00e9 opened on the pier on 12 March 2024, and the owner said the first week went well.</p>"
         "</article></body></html>").encode("latin-1")


class Pages(BaseHTTPRequestHandler):
    routes = {
        "/article.html": (200, "text/html; charset=utf-8", PAGE),
        "/undated": (200, "text/html", UNDATED),
        "/latin": (200, "text/html; charset=ISO-8859-1", LATIN),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.4 not a page"),
        "/big": (200, "text/html", b"<html><body>" + b"<p>x</p>" * 4000 + b"</body></html>"),
    }
    moves = {"/old": "/moved", "/moved": "/article.html", "/loop": "/loop", "/to-ftp": "ftp://127.0.0.1/file"}

    def do_GET(self):  # noqa: N802 -- http.server's name
        if self.path in self.moves:
            self.send_response(301 if self.path == "/old" else 302)
            self.send_header("Location", self.moves[self.path])
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(1.5)
        status, kind, body = self.routes.get(self.path, (404, "text/html", b"<html><body>Not here</body></html>"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up first (size, timeout)
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_page_is_fetched_through_its_redirects_and_kept_byte_for_byte(server, tmp_path):
    content = tmp_path / "content"
    code, out, err = ingest([f"{server}/old"], content)
    assert code == 0, err
    [(slug, (front, body))] = read_records(content, "sources").items()
    assert front["fetched_from"] == f"{server}/old"
    assert front["redirects"] == [f"{server}/moved", f"{server}/article.html"]
    assert front["final_url"] == f"{server}/article.html"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", front["fetched_at"])
    assert front["snapshot"] == f"{slug}.snapshot.html"
    assert (content / "sources" / front["snapshot"]).read_bytes() == PAGE
    # The page's own metadata, with no --published or --outlet given.
    assert front["url"] == "https://harbour-post.example/news/ferry-runs-again"
    assert (front["title"], front["outlet"], front["published"], front["byline"]) == \
        ("Eastport ferry runs again", "Harbour Post", "2024-03-14", ["Lina Oderberg"])
    assert front["extracted_by"].startswith("trafilatura ")
    assert "Home" not in body and "© Harbour Post" not in body
    [(quote, text)] = read_records(content, "quotes").values()
    assert text == "We waited four months for this morning," and quote["said_on"] == "2024-03-13"
    assert f"kept the fetched page: {content / 'sources' / front['snapshot']}" in out


def test_the_built_source_page_links_to_the_original_address(server, tmp_path):
    content = tmp_path / "content"
    ingest([f"{server}/undated"], content, published="2024-03-14")
    [(slug, (front, _))] = read_records(content, "sources").items()
    assert "url" in front and front["url"] == f"{server}/undated"  # no canonical: the address it came from
    (content / "site.yaml").write_text('title: "Ferry"\nbase_url: "https://example.org/"\n', encoding="utf-8")
    assert run_cli("check", "--content", str(content), "--templates", str(ROOT / "templates")) == 0
    out = tmp_path / "site"
    assert run_cli("build", "--content", str(content), "--templates", str(ROOT / "templates"), "--out", str(out), "-q") == 0
    page = (out / "sources" / slug / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{server}/undated" rel="nofollow">original</a>' in page
    assert "as fetched on" in page


def test_the_server_charset_decodes_the_page(server, tmp_path):
    code, _, err = ingest([f"{server}/latin"], tmp_path / "content", published="2024-03-14")
    assert code == 0, err
    [(front, body)] = read_records(tmp_path / "content", "sources").values()
    assert front["title"] == "Café opens" and "A café opened" in body
    assert front["published"] == "2024-03-14"  # the markup states no date: the flag gives it
    assert (tmp_path / "content" / "sources" / front["snapshot"]).read_bytes() == LATIN


@pytest.mark.parametrize("path, message", [
    ("/missing", "the server answered HTTP 404 Not Found"),
    ("/report.pdf", "not a web page (Content-Type application/pdf)"),
    ("/loop", "the redirects go round in a loop"),
    ("/to-ftp", "only http:// and https:// addresses can be fetched"),
    ("/big", "the page is larger than"),
    ("/slow", "no answer within 0.5 seconds"),
    ("/undated", "no publication date: the article states none; pass --published YYYY-MM-DD"),
])
def test_a_failed_fetch_is_one_line_and_writes_nothing(server, tmp_path, monkeypatch, path, message):
    monkeypatch.setattr(fetching, "MAX_BYTES", 20_000)
    monkeypatch.setattr(fetching, "TIMEOUT_SECONDS", 0.5)
    content = tmp_path / "content"
    code, out, err = ingest([f"{server}{path}"], content)
    assert code == 1
    assert err.startswith(f"{server}{path}: ") and message in err and len(err.strip().splitlines()) == 1
    assert not content.exists()


@pytest.mark.parametrize("address", ["ftp://127.0.0.1/article.html", "file:///etc/passwd", "http:///nohost"])
def test_only_http_and_https_addresses_are_fetched(tmp_path, address):
    code, _, err = ingest([address], tmp_path / "content", published="2024-03-14")
    assert code == 1 and err.startswith(f"{address}: ") and not (tmp_path / "content").exists()


def test_a_dry_run_fetches_but_keeps_nothing(server, tmp_path):
    code, out, _ = ingest([f"{server}/article.html"], tmp_path / "content", dry_run=True)
    assert code == 0 and "would keep the fetched page:" in out and not (tmp_path / "content").exists()
