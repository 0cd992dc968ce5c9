"""`briefing-gen serve`: build into a temporary folder, serve it, rebuild on each edit, reload open pages.

The site is built with the same `build_into` as `build`, into a folder made
for this run and removed when it stops, so serving never touches `site/`.
A watcher (watchfiles) rebuilds on every change under the content and
templates folders; only the pages whose inputs changed are rendered again.
Every HTML response, and only the response, gets a small script that waits
on `/__briefing_gen__/version` and reloads the page when a build finishes;
when a build fails, every page also shows an overlay with each
`path:line: message`, over the last good build, until the file is fixed.
"""

from __future__ import annotations

import errno
import html
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .build import build_into
from .problems import Problem, errors_in

CONTROL = "/__briefing_gen__/"
LONG_POLL_SECONDS = 20.0

RELOAD_SCRIPT = """\
/* Injected by briefing-gen serve, never written to the site: reload when a build finishes. */
(function () {
  "use strict";
  var seen = document.currentScript.getAttribute("data-version");
  function wait() {
    fetch("/__briefing_gen__/version?since=" + seen, {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (version) {
        if (version.trim() !== seen) { location.reload(); } else { wait(); }
      }, function () { setTimeout(wait, 1000); });  /* the server restarts or stopped: keep asking */
  }
  wait();
})();
"""

OVERLAY_STYLE = """\
#briefing-gen-overlay { position: fixed; inset: auto 0 0 0; max-height: 60vh; overflow: auto; z-index: 1000;
  margin: 0; padding: 1rem 1.5rem; background: #fff4f2; color: #5c0c00; border-top: 4px solid #b3261e;
  font: 15px/1.45 system-ui, sans-serif; box-shadow: 0 -4px 16px rgba(0, 0, 0, 0.25); }
#briefing-gen-overlay h2 { margin: 0 0 0.4rem; font-size: 1.1rem; border: 0; }
#briefing-gen-overlay ul { margin: 0.4rem 0 0; padding-left: 1.2rem; }
#briefing-gen-overlay code { font: 14px/1.4 ui-monospace, monospace; white-space: pre-wrap; word-break: break-word; }
"""

NO_SITE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>briefing-gen serve: no site yet</title></head>
<body><h1>The site could not be built yet</h1><p>Fix the problems below; this page reloads by itself.</p></body></html>
"""


def links_to_this_server(page: str) -> str:
    """404.html links to the published site (base_url); while previewing, point them here instead."""
    canonical = re.search(r'<link rel="canonical" href="([^"]*)404\.html">', page)
    if canonical is None or not canonical.group(1):
        return page
    return page.replace(f'="{canonical.group(1)}', '="/')


class LiveSite:
    """The temporary build folder and what the last build found, shared by watcher and server threads."""

    def __init__(self, content_dir: Path, templates_dir: Path, drafts: bool = False) -> None:
        self.content_dir, self.templates_dir, self.drafts = content_dir, templates_dir, drafts
        self.root = Path(tempfile.mkdtemp(prefix="briefing-gen-serve-"))
        self.out = self.root / "site"
        self.version = 0
        self.problems: list[Problem] = []
        self.closing = False
        self._changed = threading.Condition()

    def rebuild(self) -> str:
        """Build once; record the problems (or none) and wake every page waiting for a change."""
        started = time.perf_counter()
        try:
            result, problems = build_into(self.content_dir, self.templates_dir, self.out, self.drafts)
        except Exception as error:  # the server outlives any failed build, whatever failed
            result, problems = None, [Problem(str(self.content_dir), 0, f"build failed: {error!r}", "internal")]
        with self._changed:
            self.problems = problems
            self.version += 1
            self._changed.notify_all()
        seconds = time.perf_counter() - started
        if result is None:
            errors = len(errors_in(problems))
            return f"Build failed ({errors} problem{'s' if errors != 1 else ''}); showing them in the browser"
        return f"Built {result.pages} pages in {seconds:.2f} s, {result.changed} of {result.files} files changed"

    def wait_for_change(self, seen: int, timeout: float) -> int:
        """The build version, once it differs from `seen` (or after timeout): a long poll."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != seen or self.closing, timeout)
            return self.version

    def close(self) -> None:
        """Release waiting pages and remove the temporary folder."""
        with self._changed:
            self.closing = True
            self._changed.notify_all()
        shutil.rmtree(self.root, ignore_errors=True)


def overlay_html(problems: list[Problem]) -> str:
    """The error overlay: every problem as `path:line: message`, escaped."""
    errors = len(errors_in(problems))
    count = f"{errors} problem{'s' if errors != 1 else ''}"
    items = "".join(f"<li><code>{html.escape(problem.text())}</code></li>" for problem in problems)
    return (f'<section id="briefing-gen-overlay" role="alert" aria-labelledby="briefing-gen-overlay-title">'
            f'<h2 id="briefing-gen-overlay-title">The site could not be rebuilt: {count}</h2>'
            f"<p>This is the last good build. Fix the files below; the page reloads by itself.</p>"
            f"<ul>{items}</ul></section>")


def inject(page: str, version: int, problems: list[Problem]) -> str:
    """A served page with the reload script, and the overlay when the last build failed."""
    head = f'<link rel="stylesheet" href="{CONTROL}overlay.css">' if problems else ""
    tail = (overlay_html(problems) if problems else "") + \
        f'<script src="{CONTROL}reload.js" data-version="{version}"></script>'
    if head and "</head>" in page:
        page = page.replace("</head>", head + "</head>", 1)
    else:
        tail = head + tail
    at = page.rfind("</body>")
    return page[:at] + tail + page[at:] if at != -1 else page + tail


class LiveHandler(SimpleHTTPRequestHandler):
    """Serves the live site's files; HTML gets the reload script; /__briefing_gen__/ is ours."""

    def __init__(self, *args, live: LiveSite, **kwargs) -> None:
        self.live = live
        super().__init__(*args, directory=str(live.out), **kwargs)

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        url = urlsplit(self.path)
        if url.path.startswith(CONTROL):
            return self._control(url.path[len(CONTROL):], parse_qs(url.query), send_body)
        target = Path(self.translate_path(url.path))
        if target.is_dir() and url.path.endswith("/"):
            target = target / "index.html"
        if target.is_dir() or (target.is_file() and target.suffix != ".html"):
            return super().do_GET() if send_body else super().do_HEAD()  # folders redirect; assets as they are
        status = HTTPStatus.OK
        if not target.is_file():
            status, target = HTTPStatus.NOT_FOUND, self.live.out / "404.html"
        try:
            page = target.read_text(encoding="utf-8")
        except OSError:  # no good build yet, or caught mid-swap
            status, page = HTTPStatus.SERVICE_UNAVAILABLE, NO_SITE_PAGE
        if status == HTTPStatus.NOT_FOUND:
            page = links_to_this_server(page)
        version, problems = self.live.version, list(self.live.problems)
        self._send(status, "text/html; charset=utf-8", inject(page, version, problems).encode("utf-8"), send_body)

    def _control(self, name: str, query: dict[str, list[str]], send_body: bool) -> None:
        if name == "version":
            seen = query.get("since", [""])[0]
            version = self.live.wait_for_change(int(seen), LONG_POLL_SECONDS) if seen.isdigit() else self.live.version
            return self._send(HTTPStatus.OK, "text/plain; charset=utf-8", str(version).encode(), send_body)
        if name == "reload.js":
            return self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", RELOAD_SCRIPT.encode(), send_body)
        if name == "overlay.css":
            return self._send(HTTPStatus.OK, "text/css; charset=utf-8", OVERLAY_STYLE.encode(), send_body)
        self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found\n", send_body)

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a reload must show the new build
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        pass  # the terminal shows builds, not every request


class QuietHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that lets a page go without a traceback (a reload drops its long poll)."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class DevServer:
    """The live site, its HTTP server and its watcher, started and stopped together."""

    def __init__(self, content_dir: Path, templates_dir: Path, host: str = "127.0.0.1", port: int = 8000,
                 drafts: bool = False, log=print) -> None:
        self.httpd = QuietHTTPServer((host, port), LiveHandler)  # first: OSError when the port is busy
        self.live = LiveSite(content_dir, templates_dir, drafts)
        self.httpd.RequestHandlerClass = partial(LiveHandler, live=self.live)
        self.log = log
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="briefing-gen-watch", daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> None:
        """The first build, then watching for edits; serving is `serve_forever`."""
        self.log(self.live.rebuild())
        self._report_problems()
        self._watcher.start()

    def serve_forever(self) -> None:
        self.httpd.serve_forever(poll_interval=0.2)

    def close(self) -> None:
        """Stop watching and serving, and remove the temporary build folder."""
        self._stop.set()
        self.live.close()
        self.httpd.server_close()
        if self._watcher.is_alive():
            self._watcher.join(timeout=5)
        shutil.rmtree(self.live.root, ignore_errors=True)  # again, in case a last build was mid-write

    def _watch(self) -> None:
        import watchfiles

        paths = [path for path in (self.live.content_dir, self.live.templates_dir) if path.exists()]
        try:
            for changes in watchfiles.watch(*paths, stop_event=self._stop, step=50, debounce=400,
                                            raise_interrupt=False):
                if self._stop.is_set():
                    break
                changed = sorted({Path(path).name for _, path in changes})
                self.log(f"Changed: {', '.join(changed[:5])}{' ...' if len(changed) > 5 else ''}")
                self.log(self.live.rebuild())
                self._report_problems()
        except Exception as error:  # e.g. a watched folder removed: say so rather than go quiet
            if not self._stop.is_set():
                print(f"briefing-gen serve: stopped watching for edits ({error}); restart serve", file=sys.stderr, flush=True)

    def _report_problems(self) -> None:
        for problem in self.live.problems:
            print(problem.text(), file=sys.stderr, flush=True)


def run_serve(content_dir: str, templates_dir: str, host: str, port: int, drafts: bool = False) -> int:
    """`briefing-gen serve`: serve until Ctrl-C; exit 2 on a missing folder or a busy port."""
    content, templates = Path(content_dir), Path(templates_dir)
    for folder, what in ((content, "content"), (templates, "templates")):
        if not folder.is_dir():
            print(f"{folder}: no such {what} folder", file=sys.stderr)
            return 2
    try:
        server = DevServer(content, templates, host, port, drafts, log=partial(print, flush=True))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            print(f"briefing-gen serve: port {port} on {host} is already in use; "
                  "pass --port N for another, or --port 0 for any free one", file=sys.stderr)
        else:
            print(f"briefing-gen serve: cannot listen on {host}:{port}: {error.strerror or error}", file=sys.stderr)
        return 2
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):  # even where Ctrl-C was ignored; `kill` as cleanly
            signal.signal(signum, _stop_on_signal)
    try:
        server.start()
        print(f"Serving {server.url} (built in {server.live.root}, removed on exit); Ctrl-C to stop", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    print("Stopped; the temporary build is removed.", flush=True)
    return 0


def _stop_on_signal(signum, frame) -> None:
    raise KeyboardInterrupt
