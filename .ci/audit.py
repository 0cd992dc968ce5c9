#!/usr/bin/env python3
"""Lighthouse on the built site (`make audit`): the home page and a quote page,
served from a local http.server, in Debian's Chromium, on the mobile and the
desktop preset. Prints the four category scores and writes them as a markdown
table to artifacts/lighthouse.md (for the README), with the full reports beside
it. Not part of CI: Lighthouse's performance score depends on the machine.

    python .ci/audit.py [--site DIR] [--pages PATH ...] [--presets mobile desktop] [--runs N]

Each page and preset runs N times (default 3) and reports the median of each
score, as Lighthouse's own guidance suggests: a single performance score on a
shared machine wobbles by a point or two.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".tools" / "audit" / "node_modules" / ".bin" / "lighthouse"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync "
                "--disable-dev-shm-usage")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a folder on 127.0.0.1 under a sub-path, as a real host would serve the site."""
    handler = functools.partial(_QuietHandler, directory=str(folder.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/{folder.name}/"


def default_quote_page(site: Path) -> str:
    quotes = sorted(site.glob("quotes/*/index.html"))
    if not quotes:
        sys.exit(f"audit: {site} has no quote pages: build the site first (make site)")
    return quotes[0].relative_to(site).as_posix()


def run_lighthouse(url: str, preset: str, report: Path) -> dict[str, int]:
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)]
    if preset == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM},
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report.is_file():
        sys.exit(f"audit: lighthouse failed on {url} ({preset}):\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}


def failing_audits(report: Path) -> list[str]:
    """The audits that cost points, to say why a score is below 100."""
    data = json.loads(report.read_text(encoding="utf-8"))
    weighted = {ref["id"] for category in data["categories"].values()
                for ref in category["auditRefs"] if ref.get("weight")}
    return [f"{audit_id}: {audit['title']}" for audit_id, audit in sorted(data["audits"].items())
            if audit_id in weighted and audit.get("score") is not None and audit["score"] < 1]


def markdown(rows: list[tuple[str, str, dict[str, int]]], version: str, runs: int) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    lines = [f"Lighthouse {version}, Debian Chromium headless, {stamp}; site served from a local http.server;"
             f" median of {runs} run{'s' if runs > 1 else ''} per row.",
             "", "| page | preset | performance | accessibility | best practices | SEO |",
             "| --- | --- | ---: | ---: | ---: | ---: |"]
    for page, preset, scores in rows:
        lines.append(f"| `{page}` | {preset} | " + " | ".join(str(scores[name]) for name in CATEGORIES) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site folder (default: site)")
    parser.add_argument("--pages", nargs="+", help="pages to audit, relative to the site (default: home and a quote)")
    parser.add_argument("--presets", nargs="+", choices=("mobile", "desktop"), default=["mobile", "desktop"])
    parser.add_argument("--runs", type=int, default=3, help="runs per page and preset; the median is kept (default 3)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        sys.exit("audit: lighthouse is missing: run `.ci/install-tools --audit` (make audit does)")
    site = args.site.resolve()
    pages = args.pages or ["index.html", default_quote_page(site)]
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    reports = ARTIFACTS / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)

    server, base = serve(site)
    rows, below = [], []
    try:
        for page in pages:
            for preset in args.presets:
                runs = []
                for run in range(1, args.runs + 1):
                    report = reports / f"{page.replace('/', '_').removesuffix('.html')}-{preset}-{run}.json"
                    runs.append(run_lighthouse(base + page, preset, report))
                scores = {name: round(statistics.median(r[name] for r in runs)) for name in CATEGORIES}
                rows.append((page, preset, scores))
                spread = {name: sorted({r[name] for r in runs}) for name in CATEGORIES}
                print(f"{page:45} {preset:8} " + "  ".join(
                    f"{name} {scores[name]:3}" + (f" {spread[name]}" if len(spread[name]) > 1 else "")
                    for name in CATEGORIES), flush=True)
                if min(scores.values()) < 100:
                    below.extend(f"  {page} ({preset}) {line}" for line in failing_audits(report))
    finally:
        server.shutdown()
    table = markdown(rows, version, args.runs)
    (ARTIFACTS / "lighthouse.md").write_text(table, encoding="utf-8")
    print(f"\nwrote {(ARTIFACTS / 'lighthouse.md').relative_to(ROOT)} (full reports in {reports.relative_to(ROOT)}/)")
    if below:
        print("audits that cost points:\n" + "\n".join(below))
    return 0


if __name__ == "__main__":
    sys.exit(main())
