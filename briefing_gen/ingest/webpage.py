"""An HTML page -> its article: body blocks from trafilatura, metadata from the page's markup.

trafilatura finds the article (a cascade of its own extractor, readability and
jusText, benchmarked in public) and keeps its structure: paragraphs, headings,
lists, block quotes and tables. This module turns that tree into the markdown
blocks the rest of ingest reads, and takes the title, date, byline, outlet and
addresses from the page (JSON-LD, Open Graph, `<meta>`, `<time>`; htmldate for
the date, told to trust markup and the address only, never a year in the text).

Two things trafilatura drops that our cleaning needs are kept: a "More on this
topic" heading inside the story (trafilatura drops the line but keeps the teasers
under it; clean.py removes and lists them), and the article text a page carries
only in its JSON-LD `articleBody` when that is longer than what the markup held.
"""

from __future__ import annotations

import html
import json
import re
from importlib.metadata import version

from lxml import etree
from lxml.html import HtmlElement

from .clean import is_teaser_marker

_SENTINEL = "BRIEFINGGENKEEP"  # a word, so trafilatura's line filter (which skips \W) cannot strip it
_DATES = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}
_HEADING = {"h2": "## ", "h3": "### ", "h4": "#### ", "h5": "##### ", "h6": "###### "}
_DROPPED_MARKER = re.compile(r"\W*more on this.{,8}$", re.IGNORECASE)  # trafilatura's own line filter
_KEEP_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "b", "span", "div", "li", "dt")


def extractor_name() -> str:
    """What found the body, for the source record: the library and its version."""
    return f"trafilatura {version('trafilatura')}"


def parse_page(text: str) -> HtmlElement | None:
    """The page as an lxml tree, parsed as trafilatura parses it (None if it is no HTML)."""
    from trafilatura.utils import load_html

    try:
        return load_html(text)
    except (ValueError, TypeError, etree.LxmlError):
        return None


def extract_body(tree: HtmlElement):
    """trafilatura's Document for the page (body tree and metadata), or None. Default settings,
    as benchmarked; a page with under 250 characters of text is read again with the short-page
    settings, which keep its paragraphs apart."""
    from trafilatura import bare_extraction
    from trafilatura.settings import DEFAULT_CONFIG

    _protect_markers(tree)
    document = None
    for config in (DEFAULT_CONFIG, _short_page_config()):
        try:
            document = bare_extraction(tree, with_metadata=True, include_comments=False,
                                       include_tables=True, include_formatting=False, include_links=False,
                                       include_images=False, date_extraction_params=dict(_DATES), config=config)
        except (ValueError, TypeError, AttributeError, etree.LxmlError):  # a page trafilatura cannot walk
            document = None
        if document is not None and len(document.text or "") >= 250:
            break
    return document


def _short_page_config():
    """trafilatura's settings with its "too short, try the fallbacks" bar lowered: on a page
    whose whole article is a few lines, the fallback runs every line of the page together."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "25")
    return config


def _protect_markers(tree: HtmlElement) -> None:
    """Prefix a word to every short element that reads "More on this topic" (a line trafilatura
    drops while it keeps the teasers under it), so the line stays; `body_blocks` takes the word
    off again and clean.py removes the teasers with it, listed."""
    for element in tree.iter(*_KEEP_TAGS):
        own = re.sub(r"\s+", " ", element.text_content()).strip() if len(element) <= 2 else ""
        if own and len(own) < 40 and _DROPPED_MARKER.match(own) and is_teaser_marker(own):
            first = element
            while len(first) and not (first.text or "").strip():
                first = first[0]
            first.text = f"{_SENTINEL} {first.text or ''}"


# -- trafilatura's tree -> markdown blocks -------------------------------------

def body_blocks(body) -> list[tuple[str, str]]:
    """(kind, text) for every block of trafilatura's body, in order: kind is h1..h6,
    p, li, quote or row. Text is one line with white space folded."""
    blocks: list[tuple[str, str]] = []
    for child in body:
        _walk(child, blocks, quoted=False)
    return [(kind, text) for kind, text in blocks if text]


def _walk(element, blocks: list[tuple[str, str]], quoted: bool) -> None:
    tag = element.tag
    if tag == "head":
        rend = (element.get("rend") or "").lower()
        blocks.append((rend if rend in ("h1", "h2", "h3", "h4", "h5", "h6") else "p", _text(element)))
    elif tag == "list":
        for item in element:
            if item.tag == "item":
                nested = [child for child in item if child.tag == "list"]
                blocks.append(("li", _text(item, skip=("list",))))
                for inner in nested:
                    _walk(inner, blocks, quoted)
    elif tag == "quote":
        if any(child.tag in ("p", "list", "head", "quote", "table") for child in element):
            if (element.text or "").strip():
                blocks.append(("quote", _clean(element.text)))
            for child in element:
                _walk(child, blocks, quoted=True)
                if (child.tail or "").strip():
                    blocks.append(("quote", _clean(child.tail)))
        else:
            blocks.append(("quote", _text(element)))
    elif tag == "table":
        for row in element.iter("row"):
            cells = [cell for cell in row if cell.tag == "cell"]
            if any(child.tag in _BLOCK_TAGS for cell in cells for child in cell):
                for cell in cells:  # a table that lays out a page: its cells hold paragraphs
                    _walk_cell(cell, blocks, quoted)
                continue
            texts = [_text(cell) for cell in cells]
            if any(texts):
                blocks.append(("row", "| " + " | ".join(texts) + " |"))
    elif tag in ("p", "code", "item", "cell") or not len(element):
        blocks.append(("quote" if quoted else "p", _text(element)))
    else:
        for child in element:
            _walk(child, blocks, quoted)


_BLOCK_TAGS = ("p", "head", "list", "quote", "table")


def _walk_cell(cell, blocks: list[tuple[str, str]], quoted: bool) -> None:
    """The blocks of a layout table's cell, each paragraph on its own; loose text between
    them is a paragraph too."""
    if (cell.text or "").strip():
        blocks.append(("quote" if quoted else "p", _clean(cell.text)))
    for child in cell:
        _walk(child, blocks, quoted)
        if (child.tail or "").strip():
            blocks.append(("quote" if quoted else "p", _clean(child.tail)))


def _text(element, skip: tuple[str, ...] = ()) -> str:
    """The words of an element on one line: line breaks become spaces."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag not in skip:
            parts.append(" " if child.tag == "lb" else _text(child))
        parts.append(child.tail or "")
    return _clean("".join(parts))


def _clean(text: str | None) -> str:
    """White space folded; invisible format and control characters (soft hyphens, zero-width
    joiners) dropped as trafilatura's own text output drops them, so quotes match as read."""
    text = "".join(char for char in text or "" if char.isprintable() or char.isspace())
    return re.sub(r"\s+", " ", text.replace(f"{_SENTINEL} ", "")).strip()


def _frame(element) -> tuple[str, str]:
    """The tag and class of what holds an element: each stretch of a cut-up article sits in a
    frame of the same kind (a blog's list of posts does not: each post's frame has its own id)."""
    parent = element.getparent()
    return (parent.tag, parent.get("class") or "") if parent is not None else ("", "")


_DIRECT_BLOCKS = {"p": "p", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6", "blockquote": "quote"}


def continued_blocks(tree: HtmlElement, blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The rest of an article that ads cut into containers of one class (wired.com's
    `div.body__container`, one per stretch between two ads, each in a frame of one class):
    trafilatura keeps the first container; the paragraphs and headings directly inside the
    later ones follow it, where they hold at least two paragraphs of prose."""
    first = next((text for kind, text in blocks if kind == "p" and len(text) > 80), None)
    container = next((p.getparent() for p in tree.iter("p") if first and _clean(p.text_content()) == first), None)
    if container is None or not container.get("class"):
        return []
    same = [element for element in tree.iter(container.tag)
            if element.get("class") == container.get("class") and _frame(element) == _frame(container)]
    if len(same) < 2 or same[0] is not container or not _frame(container)[1]:
        return []
    seen = {text for _, text in blocks}
    found: list[tuple[str, str]] = []
    for later in same[1:]:
        if sum(1 for child in later if child.tag == "p" and len(_clean(child.text_content())) >= 80) < 2:
            continue  # not a stretch of the article's prose: a disclosure, a caption, a teaser
        for child in later:
            text = _clean(child.text_content()) if child.tag in _DIRECT_BLOCKS else ""
            if text and text not in seen:
                seen.add(text)
                found.append((_DIRECT_BLOCKS[child.tag], text))
    return found


def as_markdown(kind: str, text: str) -> str:
    """A block as a line of the source record: headings and list items keep their mark."""
    text = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)  # tag-like text stays text, never live HTML
    if kind in _HEADING:
        return _HEADING[kind] + text
    return {"li": "- ", "quote": "> "}.get(kind, "") + text


# -- the page's own metadata ----------------------------------------------------

def json_ld_objects(tree: HtmlElement) -> list[dict]:
    """Every JSON-LD object of the page, `@graph` members included."""
    found: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
            elif isinstance(item, list):
                stack.extend(item)
    return found


def json_ld_article_body(tree: HtmlElement) -> list[str]:
    """The paragraphs of the longest `articleBody` any JSON-LD object gives (tags and
    entities some sites leave in it taken out), or []."""
    bodies = [item["articleBody"] for item in json_ld_objects(tree) if isinstance(item.get("articleBody"), str)]
    if not bodies:
        return []
    body = max(bodies, key=len)
    body = re.sub(r"<(?:br|/p|/div|/h\d|/li)\b[^>]*>", "\n\n", body, flags=re.IGNORECASE)
    body = html.unescape(re.sub(r"<[^>]{0,400}>", "", body))
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\S)", body):
        paragraph = _clean(paragraph)
        if paragraph:
            paragraphs.append(paragraph)
    return paragraphs


def json_ld_reason(paragraphs: list[str], blocks: list[tuple[str, str]]) -> str | None:
    """Why the JSON-LD body should stand for the article, or None: the markup held only a part
    of it, or the same words in fewer paragraphs (trafilatura's last resort reads the JSON-LD
    body itself, as one block)."""
    theirs, ours = sum(map(len, paragraphs)), sum(len(text) for _, text in blocks)
    if theirs > 1.6 * ours + 200:
        return "longer than what was found in the markup by"
    folded = " ".join(text for _, text in blocks)
    if paragraphs and len(paragraphs) > len(blocks) and " ".join(paragraphs) in folded:
        return "in its own paragraphs, where one block came from"
    return None


def page_metadata(tree: HtmlElement) -> dict[str, str]:
    """What the page says of itself in tags trafilatura's metadata does not hand back whole:
    its language, `<title>`, og:title, canonical link and og:url (both kept, so a bad one can be
    flagged)."""
    meta: dict[str, str] = {}
    root = tree.getroottree().getroot()
    if root.get("lang"):
        meta["language"] = root.get("lang").strip()
    for title in tree.xpath("//head/title"):  # not an <svg>'s <title> ("Search Icon")
        meta["title"] = re.sub(r"\s+", " ", title.text_content()).strip()
        break
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            meta.setdefault("canonical", link.get("href").strip())
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        if key in ("og:url", "og:title") and element.get("content"):
            meta.setdefault(key, re.sub(r"\s+", " ", element.get("content")).strip())
    return meta


def site_name_in_title(title: str | None) -> str | None:
    """"Talks resume | News Site" -> "News Site": the outlet a page names in its title."""
    parts = re.split(r"\s+[|–—-]\s+", title or "")
    return parts[-1].strip() if len(parts) > 1 and len(parts[-1].split()) <= 5 else None


_NOT_AUTHORS = {"no author", "staff", "admin", "administrator", "editor", "editors", "letters", "unknown",
                "anonymous", "guest", "redaktion", "news desk", "web desk"}


def byline_names(authors: list[str], outlet: str | None) -> list[str]:
    """trafilatura's "Jon Ash; Mia Kerr" (or a raw "By Jon Ash and Mia Kerr") -> ["Jon Ash", "Mia Kerr"],
    without the outlet itself ("Rob Picheta, CNN") and placeholders ("No Author")."""
    names: list[str] = []
    for text in ";".join(author for author in authors if author).split(";"):
        text = re.sub(r"^\s*(?:by|written by|words by)\s+", "", text, flags=re.IGNORECASE)
        for name in re.split(r",|\band\b|&", text):
            name = name.strip()
            if name and name not in names and name.lower() not in _NOT_AUTHORS and name.lower() != (outlet or "").lower():
                names.append(name)
    return names


def json_ld_authors(tree: HtmlElement) -> list[str]:
    """The people JSON-LD names as an article's authors (organisations left out)."""
    names: list[str] = []
    for item in json_ld_objects(tree):
        authors = item.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, str):
                names.append(author)
            elif isinstance(author, dict) and author.get("@type", "Person") == "Person" and isinstance(author.get("name"), str):
                names.append(author["name"])
    return names


def page_title(heading: str | None, meta: dict[str, str], found: str | None, outlet: str | None) -> str | None:
    """The headline: the article's own first heading, else og:title, else trafilatura's pick,
    else `<title>`; the outlet's name after a separator is taken off ("Talks resume | News Site")."""
    title = heading or meta.get("og:title") or found or meta.get("title")
    if not title or heading:
        return title
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1 and outlet and parts[-1].strip().lower() == outlet.lower():
        return title[: title.rindex(parts[-1])].rstrip(" |–—-")
    return title
