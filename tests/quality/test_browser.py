"""The site in a real browser (Debian Chromium driven by Playwright), from file://.

axe-core finds no accessibility violation on the showcase pages at 1280 and
360 px, no page scrolls sideways on a phone, a reader can walk from the home
page to a quote, to its source paragraph (scrolled to and highlighted) and to
the timeline, and search finds a quote by one of its words. Every showcase
page is photographed at both widths into artifacts/screenshots/. The dark
colour scheme gets its own axe pass at 1280 px (contrast differs).
"""

from __future__ import annotations

import re

import pytest

try:
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # the browser fixture reports the missing package
    PlaywrightError = Exception

from .conftest import AXE_JS, DARK, WIDTHS, require

SHOWCASE = ("home", "timeline", "quotes", "quote", "person", "summit", "source", "compared")

# What axe reports, trimmed to what a reader of the failure needs.
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary || ""})),
  }));
}"""

# Elements that stick out past the right edge without a scrolling ancestor to
# contain them: the culprits when the page scrolls sideways.
OVERFLOW = """() => {
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const clipped = el => {
    for (let up = el.parentElement; up && up !== doc; up = up.parentElement) {
      const x = getComputedStyle(up).overflowX;
      if (x !== "visible") return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.classList.length ? "." + [...el.classList].join(".") : "");
  const culprits = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && !clipped(el)) {
      culprits.push(`${name(el)} (right edge ${Math.round(box.right)}px)`);
      if (culprits.length >= 5) break;
    }
  }
  return {scrollWidth: doc.scrollWidth, clientWidth: width, culprits};
}"""


def _why(failure_summary: str) -> str:
    """axe's failure summary without its "Fix any of the following:" headers."""
    lines = [line.strip() for line in failure_summary.splitlines()]
    return "; ".join(line for line in lines if line and not line.startswith("Fix "))


def _open(page, path):
    page.goto(path.as_uri())
    page.wait_for_load_state("load")


@pytest.mark.parametrize("width", (*WIDTHS, DARK))
@pytest.mark.parametrize("kind", SHOWCASE)
def test_axe_finds_no_violations(site, pages, screenshots, kind, width):
    require(AXE_JS.is_file(), "axe-core (axe.min.js)")
    path = site.showcase()[kind]
    page = pages[width]
    _open(page, path)
    page.screenshot(path=str(screenshots / f"{kind}-{width}.png"), full_page=True)
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(AXE_RUN)
    report = [
        f"{site.rel(path)} @{width if width == DARK else f'{width}px'}: {v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    at {node['target']}: {_why(node['summary'])}" for node in v["nodes"][:8])
        + (f"\n    ... and {len(v['nodes']) - 8} more" if len(v["nodes"]) > 8 else "")
        for v in violations
    ]
    assert not violations, f"axe-core: {len(violations)} rule(s) violated\n" + "\n".join(report)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("listing", ("takeaways", "quotes"))
def test_axe_finds_no_violations_on_a_page_of_a_split_list(paged_site, pages, screenshots, listing, width):
    require(AXE_JS.is_file(), "axe-core (axe.min.js)")
    page = pages[width]
    _open(page, paged_site.root / listing / "page" / "2" / "index.html")
    page.screenshot(path=str(screenshots / f"{listing}-page-2-{width}.png"), full_page=True)
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(AXE_RUN)
    assert not violations, f"axe-core: {[(v['id'], v['help']) for v in violations]}"
    assert page.locator("nav.pager a[aria-current=page]").inner_text() == "2"


def test_no_page_scrolls_sideways_on_a_phone(site, pages):
    """Every page at 360 px, not only the showcase: one long table is enough to break it."""
    page = pages[360]
    too_wide = []
    for path in site.html_pages():
        _open(page, path)
        measured = page.evaluate(OVERFLOW)
        if measured["scrollWidth"] > measured["clientWidth"]:
            too_wide.append(f"{site.rel(path)}: {measured['scrollWidth']}px wide in a "
                            f"{measured['clientWidth']}px viewport; sticking out: "
                            + (", ".join(measured["culprits"]) or "(none found)"))
    assert not too_wide, "pages that scroll sideways at 360px:\n" + "\n".join(too_wide)


# The target paragraph's look, and that of a paragraph of the same kind that is
# not the target: the two must differ for the reader to see where they landed.
HIGHLIGHT = """el => {
  const look = node => { const s = getComputedStyle(node);
    return [s.backgroundColor, s.outlineStyle, s.outlineColor, s.outlineWidth, s.boxShadow].join(" | "); };
  const other = [...document.querySelectorAll("[id]")].find(o => o !== el && /^p[0-9]+$/.test(o.id)
                  && o.tagName === el.tagName && o.className === el.className)
                || el.nextElementSibling || el.previousElementSibling;
  const box = el.getBoundingClientRect();
  return {target: look(el), other: other ? look(other) : null,
          inView: box.top >= 0 && box.top < innerHeight && box.bottom > 0};
}"""


def _follow(page, selector: str, what: str) -> None:
    link = page.locator(selector).first
    assert link.count(), f"{page.url}: no link to {what}"
    link.click()
    page.wait_for_load_state("load")


def test_reader_walks_home_quote_source_paragraph_timeline(site, reader, screenshots):
    page = reader
    page.script_errors.clear()
    _open(page, site.root / "index.html")

    _follow(page, "main a[href*='quotes/'][href$='/index.html']:not([href$='quotes/index.html'])", "a quote page")
    assert re.search(r"/quotes/[a-z0-9-]+/index\.html$", page.url), f"clicking a quote on home led to {page.url}"
    assert page.locator("main blockquote").count(), f"{page.url}: a quote page with no blockquote"

    _follow(page, "main a[href*='sources/'][href*='#p']", "the quote's source paragraph")
    hash_ = page.evaluate("location.hash")
    assert re.fullmatch(r"#p\d+", hash_), f"the source link led to {page.url}, not a #pN paragraph"
    target = page.locator(hash_)
    assert target.count() == 1, f"{page.url}: no element with id {hash_[1:]}"
    look = target.evaluate(HIGHLIGHT)
    assert look["inView"], f"{page.url}: paragraph {hash_} is not scrolled into view"
    assert look["other"] is not None, f"{page.url}: only one paragraph, nothing to compare the highlight with"
    assert look["target"] != look["other"], (
        f"{page.url}: the targeted paragraph {hash_} looks like any other ({look['target']}); "
        "give :target a background or outline")
    page.screenshot(path=str(screenshots / "journey-source-paragraph-1280.png"))

    _follow(page, "a[href$='timeline/index.html']", "the timeline")
    assert page.url.endswith("/timeline/index.html"), f"the timeline link led to {page.url}"
    assert page.locator("main h1").count(), "the timeline page has no heading"
    assert not page.script_errors, "script errors on the way:\n" + "\n".join(page.script_errors)


SEARCH_BOX = "form[role='search'] input, input[type='search'], [role='search'] input"


def _a_word_of(text: str) -> str:
    words = sorted(set(re.findall(r"[A-Za-z][a-z]{5,}", text)), key=lambda word: (-len(word), word))
    assert words, f"no searchable word in quote {text!r}"
    return words[0]


def _search_box(page, site):
    """The search box a reader finds: on the home page, or one click away through a link to search."""
    _open(page, site.root / "index.html")
    box = page.locator(SEARCH_BOX)
    if not box.count():
        link = page.locator("a[href$='search/index.html'], a[href$='search/']").first
        assert link.count(), "no search box (form[role=search] or input[type=search]) and no link to search on home"
        link.click()
        page.wait_for_load_state("load")
        box = page.locator(SEARCH_BOX)
    assert box.count(), f"{page.url}: no search box (form[role=search] or input[type=search])"
    return box.first


def test_search_finds_a_quote_by_a_word_in_it(site, reader, screenshots):
    page = reader
    quote_path = site.showcase()["quote"]
    _open(page, quote_path)
    word = _a_word_of(page.locator("main blockquote").first.inner_text())
    quote_href = site.rel(quote_path).removesuffix("index.html")

    page.script_errors.clear()
    box = _search_box(page, site)
    box.fill(word)
    box.press("Enter")
    page.wait_for_load_state("load")
    hit = page.locator(f"main a[href*='{quote_href}']")
    try:
        hit.first.wait_for(state="visible", timeout=5000)
    except PlaywrightError:
        pass
    page.screenshot(path=str(screenshots / "journey-search-1280.png"), full_page=True)
    assert hit.count() and hit.first.is_visible(), (
        f"searching for {word!r} did not list {quote_href} (at {page.url})")
    assert not page.script_errors, "script errors while searching:\n" + "\n".join(page.script_errors)

    # The results are drawn by script, so they get their own axe pass; evaluate()
    # runs outside the page's CSP, which keeps this tab as strict as a reader's.
    if AXE_JS.is_file():
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        violations = page.evaluate(AXE_RUN)
        assert not violations, f"axe-core on the search results for {word!r}:\n" + "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} at " + ", ".join(n["target"] for n in v["nodes"][:5])
            for v in violations)
