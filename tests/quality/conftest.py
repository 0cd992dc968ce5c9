"""Quality gates: the built site judged by real validators and a real browser.

One build per session (`briefing-gen build --out TMP`), one Chromium per
session, one page per viewport width, reused by every browser test.

Tools come from `.ci/install-tools` (Debian chromium and Java, npm packages in
.tools/ci). When one is missing, the tests that need it FAIL under CI (the
`CI` environment variable is set, as `.ci/run` does) and SKIP locally with the
reason and the command that installs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".tools" / "ci" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
LINKINATOR = TOOLS / ".bin" / "linkinator"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
SHIPPED_CONTENT = ROOT / "content"
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "sites" / "minimal"  # for gates on other sites (serve)
WIDTHS = (1280, 360)
DARK = "1280-dark"  # key of the dark-scheme tab in `pages`
INSTALL_HINT = "install it with `.ci/install-tools` (`make tools`)"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def require(available: bool, what: str) -> None:
    """Fail (in CI) or skip (locally) the calling test when a tool is missing."""
    if available:
        return
    message = f"{what} is missing: {INSTALL_HINT}"
    if in_ci():
        pytest.fail(f"quality gate cannot run in CI: {message}", pytrace=False)
    pytest.skip(message)


def java() -> str | None:
    return shutil.which("java")


# -- the built site --------------------------------------------------------------

@dataclass(frozen=True)
class Site:
    """A built site on disk, and the pages each gate looks at."""

    root: Path
    content: Path

    def html_pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def rel(self, page: Path) -> str:
        return page.relative_to(self.root).as_posix()

    def pages_of_kind(self, kind: str) -> list[Path]:
        """Record pages of one kind: `quotes/<slug>/index.html`, ..."""
        return sorted(self.root.glob(f"{kind}/*/index.html"))

    def richest(self, kind: str) -> Path:
        """The largest page of a kind: it exercises the most of its template."""
        pages = self.pages_of_kind(kind)
        assert pages, f"the built site has no {kind} pages"
        return max(pages, key=lambda page: (page.stat().st_size, page.as_posix()))

    def showcase(self) -> dict[str, Path]:
        """The pages the browser gates load at every width."""
        return {
            "home": self.root / "index.html",
            "timeline": self.root / "timeline" / "index.html",
            "quotes": self.root / "quotes" / "index.html",
            "quote": self.richest("quotes"),
            "person": self.richest("people"),
            "summit": self.richest("summits"),
            "source": self.richest("sources"),
            "compared": self.root / "compare" / "index.html",  # sources side by side
        }


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    return _built(SHIPPED_CONTENT, tmp_path_factory.mktemp("quality") / "site")


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory) -> Site:
    """The shipped briefing with three items to a page: its takeaways and quotes lists span
    several pages, so the pager's markup meets the same gates."""
    import shutil

    folder = tmp_path_factory.mktemp("quality-paged")
    content = folder / "content"
    shutil.copytree(SHIPPED_CONTENT, content)
    with (content / "site.yaml").open("a", encoding="utf-8") as settings:
        settings.write("page_size: 3\n")
    return _built(content, folder / "site")


def _built(content: Path, out: Path) -> Site:
    command = [sys.executable, "-m", "briefing_gen", "build", "--content", str(content),
               "--templates", str(ROOT / "templates"), "--out", str(out), "-q"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, (
        f"briefing-gen build failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return Site(out, content)


# -- the browser -----------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM.is_file(), f"Chromium ({CHROMIUM})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "the playwright Python package (the `test` extra)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _viewport(width: int) -> dict[str, int]:
    return {"width": width, "height": 800 if width > 600 else 740}


@pytest.fixture(scope="session")
def pages(browser):
    """One reusable tab per viewport, {1280: page, 360: page, "1280-dark": page}, for the auditors.

    The site's Content-Security-Policy forbids inline scripts, rightly, so
    these tabs bypass it to inject axe-core; the reader's tab below keeps it.
    """
    tabs = {}
    for width in WIDTHS:
        context = browser.new_context(viewport=_viewport(width), bypass_csp=True, color_scheme="light")
        tabs[width] = context.new_page()
    # The dark theme has colours of its own, so its contrast is checked too.
    dark = browser.new_context(viewport=_viewport(WIDTHS[0]), bypass_csp=True, color_scheme="dark")
    tabs[DARK] = dark.new_page()
    yield tabs
    for tab in tabs.values():
        tab.context.close()


@pytest.fixture(scope="session")
def reader(browser):
    """A tab as a reader has it (CSP enforced), recording script errors and CSP violations."""
    context = browser.new_context(viewport=_viewport(1280))
    tab = context.new_page()
    tab.script_errors = []
    tab.on("pageerror", lambda error: tab.script_errors.append(f"{tab.url}: {error}"))
    tab.on("console", lambda message: message.type == "error"
           and tab.script_errors.append(f"{tab.url}: console error: {message.text}"))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
