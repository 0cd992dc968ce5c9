"""`briefing-gen serve` in a real browser, under the site's own Content-Security-Policy.

An open page reloads by itself after an edit, shows the error overlay when
the edit breaks the build, and recovers when the file is fixed: what the
HTTP tests of tests/test_serve.py cannot see is that the injected script
runs, and may run, in the page.
"""

from __future__ import annotations

import shutil
import threading

import pytest

from briefing_gen.serve import DevServer

from .conftest import FIXTURE_CONTENT, ROOT


@pytest.fixture
def served(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    server = DevServer(content, ROOT / "templates", "127.0.0.1", 0, log=lambda *_: None)
    server.start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, content
    server.httpd.shutdown()
    server.close()


def test_an_open_page_reloads_shows_the_overlay_and_recovers(browser, served):
    server, content = served
    context = browser.new_context()  # the CSP applies: the reload script must be allowed by it
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    try:
        page.goto(server.url + "tags/transport/index.html")
        tag = content / "tags" / "transport.md"
        tag.write_text("---\ntitle: Transport\n---\nEdited while the page was open.\n")
        page.get_by_text("Edited while the page was open.").wait_for(timeout=5000)

        tag.write_text("---\ntitle: [\n---\n")
        overlay = page.locator("#briefing-gen-overlay")
        overlay.wait_for(timeout=5000)
        assert "transport.md:3" in overlay.inner_text() and "YAML syntax error" in overlay.inner_text()

        tag.write_text("---\ntitle: Transport\n---\nFixed.\n")
        page.get_by_text("Fixed.").wait_for(timeout=5000)
        assert overlay.count() == 0
        assert not [text for text in console if "Content Security Policy" in text], console
    finally:
        context.close()
