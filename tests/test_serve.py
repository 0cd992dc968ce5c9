"""`briefing-gen serve`, driven by a real HTTP client: edits show, errors overlay, the server survives."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from briefing_gen.problems import Problem
from briefing_gen.serve import DevServer, inject
from conftest import ROOT

TEMPLATES = ROOT / "templates"
QUOTE = "quotes/brandt-waited.md"


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(url: str, condition, seconds: float = 2.0) -> tuple[float, str]:
    """Fetch url until condition(body) holds; return how long it took and the body."""
    started = time.monotonic()
    while True:
        body = fetch(url)[1]
        elapsed = time.monotonic() - started
        if condition(body):
            return elapsed, body
        if elapsed > seconds:
            pytest.fail(f"{url} did not change as expected within {seconds} s:\n{body[-1500:]}")
        time.sleep(0.05)


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    copy = tmp_path / "templates"
    shutil.copytree(TEMPLATES, copy)
    return copy


@pytest.fixture
def server(minimal_content: Path, templates: Path):
    server = DevServer(minimal_content, templates, "127.0.0.1", 0, log=lambda *_: None)
    server.start()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    time.sleep(0.2)  # let the watcher settle before the first edit
    yield server
    server.httpd.shutdown()
    server.close()


def test_serves_the_built_site_with_the_reload_script_only_in_responses(server):
    status, page = fetch(server.url + "quotes/brandt-waited/index.html")
    assert status == 200 and "We have waited four years for this" in page
    assert '<script src="/__briefing_gen__/reload.js" data-version="1"></script></body>' in page
    assert fetch(server.url + "__briefing_gen__/reload.js")[1].count("location.reload()") == 1
    assert "/__briefing_gen__/" not in fetch(server.url + "static/style.css")[1]
    for built in server.live.out.rglob("*.html"):
        assert "__briefing_gen__" not in built.read_text(encoding="utf-8"), built
    assert fetch(server.url + "no/such/page.html")[0] == 404


def test_an_edit_shows_in_the_served_page_within_two_seconds(server, minimal_content):
    url = server.url + "tags/transport/index.html"
    assert "Ferries, roads and rails." in fetch(url)[1]
    (minimal_content / "tags" / "transport.md").write_text("---\ntitle: Transport\n---\nFerries and bridges, edited.\n")
    elapsed, _ = wait_for(url, lambda body: "Ferries and bridges, edited." in body)
    assert elapsed < 2.0
    assert fetch(server.url + "__briefing_gen__/version?since=1")[1] != "1"  # open pages reload


def test_a_template_edit_rebuilds_too(server, templates):
    page = templates / "404.html"
    page.write_text(page.read_text().replace("Page not found", "Nothing here, edited"))
    wait_for(server.url + "404.html", lambda body: "Nothing here, edited" in body)


def test_a_broken_file_shows_the_overlay_and_the_fix_recovers(server, minimal_content):
    quote = minimal_content / QUOTE
    original = quote.read_text()
    quote.write_text(original.replace("person: anna-brandt", "person: anna-brand"))
    url = server.url + "quotes/brandt-waited/index.html"
    _, page = wait_for(url, lambda body: 'id="briefing-gen-overlay"' in body)
    assert re.search(r"brandt-waited\.md:3: person: unknown person &#x27;anna-brand&#x27;; did you mean &#x27;anna-brandt&#x27;\?", page)
    assert "We have waited four years for this" in page  # the last good build, under the overlay
    assert fetch(server.url + "index.html")[1].count('id="briefing-gen-overlay"') == 1  # on every page
    quote.write_text("---\nspeaker: [\n---\n")  # a YAML error is reported too, and the server stays up
    wait_for(url, lambda body: "YAML syntax error" in body)
    quote.write_text(original)
    _, page = wait_for(url, lambda body: 'id="briefing-gen-overlay"' not in body)
    assert "We have waited four years for this" in page


def test_a_site_that_never_built_shows_the_overlay(minimal_content, templates):
    (minimal_content / QUOTE).write_text("---\nspeaker: [\n---\n")
    server = DevServer(minimal_content, templates, "127.0.0.1", 0, log=lambda *_: None)
    server.start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        status, page = fetch(server.url)
        assert status == 503 and "YAML syntax error" in page and 'id="briefing-gen-overlay"' in page
    finally:
        server.httpd.shutdown()
        server.close()
    assert not server.live.root.exists()


def test_shutdown_leaves_no_temporary_folder(minimal_content, templates):
    server = DevServer(minimal_content, templates, "127.0.0.1", 0, log=lambda *_: None)
    server.start()
    assert (server.live.out / "index.html").is_file()
    server.close()
    assert not server.live.root.exists()


def test_ctrl_c_stops_cleanly_and_removes_the_build(minimal_content, templates):
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing_gen", "serve", "--port", "0",
         "--content", str(minimal_content), "--templates", str(templates)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = ""
        while "Serving" not in line:
            line = process.stdout.readline()
            assert line, f"serve exited early: {process.stderr.read()}"
        url, folder = re.search(r"Serving (\S+) \(built in (.+), removed on exit\)", line).groups()
        assert fetch(url)[0] == 200 and Path(folder).is_dir()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert not Path(folder).exists()
        assert "Stopped" in process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()


def test_a_busy_port_is_one_clear_line_and_exit_2(minimal_content, cli, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = cli("serve", "--port", str(port), "--content", str(minimal_content), "--templates", str(TEMPLATES))
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"briefing-gen serve: port {port} on 127.0.0.1 is already in use; "
                   "pass --port N for another, or --port 0 for any free one")


def test_inject_escapes_problems_and_keeps_the_page():
    page = "<html><head></head><body><p>x</p></body></html>"
    served = inject(page, 7, [Problem("content/quotes/a.md", 3, "bad <value>")])
    assert "<p>x</p>" in served and 'data-version="7"' in served
    assert "content/quotes/a.md:3: bad &lt;value&gt;" in served
    assert served.index('href="/__briefing_gen__/overlay.css"') < served.index("</head>")
    assert inject(page, 1, []).count("__briefing_gen__") == 1


def test_the_not_found_page_links_to_this_server_at_any_depth(server):
    """404.html links to the published site (base_url); while previewing, those links must lead here."""
    status, body = fetch(server.url + "no/such/deep/page.html")
    assert status == 404
    assert 'href="/static/style.css"' in body
    assert fetch(server.url + "static/style.css")[0] == 200
