"""Article files -> a title and a list of paragraph blocks (markdown text).

Plain text, markdown and HTML are read into the same shape so every later
step works on plain strings. Bytes are decoded as decode.py says (declared
charset, else detection). For HTML only the article body is kept, as
trafilatura finds it (webpage.py): site chrome never becomes a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import webpage
from .decode import DecodeError, decode_bytes


class InputError(Exception):
    """An article that cannot be read; the message names the file."""


@dataclass
class Article:
    """What a reader found: the headline (if any), the body blocks and page metadata."""

    path: str
    title: str | None
    blocks: list[str]
    url: str | None = None
    url_candidates: list[str] = field(default_factory=list)  # every address the page gave, best first
    byline: list[str] = field(default_factory=list)
    language: str | None = None
    published: str | None = None
    outlet: str | None = None
    extracted_by: str | None = None  # how the body was found, for the source record
    title_in_body: bool = False  # the title is the article's own first heading, not the page's metadata


def read_article(path: str) -> Article:
    """Read and decode one file, choosing the reader by extension or content."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read file: {error.strerror}") from None
    return read_bytes(raw, path)


def read_bytes(raw: bytes, path: str, charset: str | None = None, html: bool | None = None) -> Article:
    """An article from its bytes: decoded by what it declares (or `charset`, from HTTP), else
    detected; read as HTML when `html` says so, or by the name's extension or the content."""
    try:
        text, _ = decode_bytes(raw, charset)
    except DecodeError as error:
        raise InputError(f"{path}: {error}") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{path}:1: the file is empty: there is no article to ingest")
    suffix = Path(path).suffix.lower()
    if html is None:
        html = suffix in (".html", ".htm", ".xhtml") or bool(re.match(r"\s*(<!doctype html|<html|<\?xml)", text, re.IGNORECASE))
    if html:
        return read_html(text, path)
    if suffix in (".md", ".markdown") or re.search(r"^#{1,6} \S", text, re.MULTILINE):
        return read_markdown(text, path)
    return read_text(text, path)


# -- plain text ---------------------------------------------------------------

def read_text(text: str, path: str = "") -> Article:
    """Blank-line blocks; a first single-line block without a full stop is the headline."""
    blocks = [escape_html_tags(block) for block in split_blocks(text)]
    title = None
    if blocks and _looks_like_headline(blocks[0]):
        title = blocks.pop(0)
    return Article(path=path, title=title, blocks=blocks)


def split_blocks(text: str) -> list[str]:
    """Paragraphs of a text: blank-line blocks, hard-wrapped lines joined, other lines kept apart."""
    blocks: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            blocks.append(" ".join(lines))
        else:
            blocks.extend(lines)
    return blocks


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a fixed width continue one paragraph; short separate lines do not."""
    if len(lines) < 2:
        return True
    body = lines[:-1]
    open_ends = sum(1 for line in body if not re.search(r"[.!?:\"”…]$", line))
    return all(len(line) >= 40 for line in body) and open_ends * 2 >= len(body)


def _looks_like_headline(block: str) -> bool:
    return (
        "\n" not in block
        and len(block.split()) <= 30
        and not re.search(r"[.:;,]$", block)
        and not block.startswith(("<", "“", '"', "-", "*"))
    )


# -- markdown -----------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def read_markdown(text: str, path: str = "") -> Article:
    """Markdown: front matter and the first level-1 heading give the metadata and title."""
    meta: dict = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
            meta = loaded if isinstance(loaded, dict) else {}
        except (yaml.YAMLError, ValueError):  # ValueError: a date that does not exist
            meta = {}
        text = text[match.end():]
    text = _setext_to_atx(text)
    blocks: list[str] = []
    for block in split_markdown_blocks(text):
        blocks.append(escape_html_tags(_strip_inline_markup(block)))
    title = _meta_text(meta, "title")
    if blocks and re.match(r"# \S", blocks[0]):
        heading = blocks.pop(0)[2:].strip()
        title = title or heading
    byline = meta.get("author") or meta.get("byline") or []
    byline = [byline] if isinstance(byline, str) else [str(name) for name in byline]
    return Article(path=path, title=title, blocks=blocks, url=_meta_text(meta, "url"), byline=byline,
                   language=_meta_text(meta, "language") or _meta_text(meta, "lang"),
                   published=_meta_text(meta, "date") or _meta_text(meta, "published"),
                   outlet=_meta_text(meta, "outlet") or _meta_text(meta, "site"))


def _meta_text(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    return str(value) if value not in (None, "") else None


def _setext_to_atx(text: str) -> str:
    text = re.sub(r"^(\S[^\n]*)\n=+[ \t]*$", r"# \1", text, flags=re.MULTILINE)
    return re.sub(r"^(\S[^\n]*)\n-{2,}[ \t]*$", r"## \1", text, flags=re.MULTILINE)


def split_markdown_blocks(text: str) -> list[str]:
    """Headings and list items become blocks of their own; wrapped lines are joined."""
    blocks: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        current: list[str] = []
        for line in block.split("\n"):
            stripped = line.strip()
            if not stripped:
                continue
            if re.match(r"(#{1,6} |[-*+] |\d{1,2}[.)] |>)", stripped):
                if current:
                    blocks.append(" ".join(current))
                current = [stripped]
                if stripped.startswith("#"):
                    blocks.append(stripped)
                    current = []
                continue
            current.append(stripped)
        if current:
            blocks.append(" ".join(current))
    return blocks


def _strip_inline_markup(block: str) -> str:
    """Links and emphasis to their words, so quotes stand in the text as they read."""
    block = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", block)
    block = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", block)
    block = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", block)
    block = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", block)
    return re.sub(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])", r"\1", block).strip()


# -- HTML ---------------------------------------------------------------------

_HTML_TAG = re.compile(r"<(?=/?(?:script|style|iframe|frame|object|embed|svg|math|form|input|button|link|meta|base|img|"
                       r"video|audio|source|a|div|span|p|b|i|u|em|strong|br|hr|table|tr|td|th|ul|ol|li|h[1-6]|"
                       r"textarea|select|option|template|details|summary|marquee|body|html|head|title)\b[^<>]*>)", re.IGNORECASE)


def escape_html_tags(block: str) -> str:
    """HTML tags in a text or markdown article stay text (a transcript caption like
    `<Kim Jong-un / Chairman>` is not a tag and is kept as written)."""
    return _HTML_TAG.sub("&lt;", block)


def read_html(text: str, path: str = "") -> Article:
    """The article of an HTML page: body blocks found by trafilatura, metadata from the markup."""
    tree = webpage.parse_page(text)
    if tree is None:
        return Article(path=path, title=None, blocks=[], extracted_by=webpage.extractor_name())
    meta = webpage.page_metadata(tree)
    json_body = webpage.json_ld_article_body(tree)
    document = webpage.extract_body(tree)
    blocks = webpage.body_blocks(document.body) if document is not None and document.body is not None else []
    continued = webpage.continued_blocks(tree, blocks)
    blocks += continued
    title, title_in_body = None, False
    if blocks and blocks[0][0] == "h1":
        title, title_in_body = blocks.pop(0)[1], True
    extracted_by = webpage.extractor_name() + (", with the later parts of an article cut by ads" if continued else "")
    reason = webpage.json_ld_reason(json_body, blocks)
    if reason:
        blocks = [("p", paragraph) for paragraph in json_body]
        extracted_by = f"JSON-LD articleBody, {reason} {extracted_by}"
    found_title = document.title if document is not None else None
    outlet = (document.sitename if document is not None else None) or webpage.site_name_in_title(meta.get("title"))
    authors = [document.author] if document is not None and document.author else webpage.json_ld_authors(tree)
    declared = " ".join(_declared_authors(tree))
    authors = [author for author in authors if not _only_on_cards(tree, author, declared)]
    candidates = [meta[key] for key in ("canonical", "og:url") if meta.get(key)]
    if document is not None and document.url and document.url not in candidates:
        candidates.append(document.url)
    return Article(path=path, title=webpage.page_title(title, meta, found_title, outlet),
                   blocks=[webpage.as_markdown(kind, text) for kind, text in blocks],
                   url=candidates[0] if candidates else None, url_candidates=candidates,
                   byline=webpage.byline_names(authors, outlet),
                   language=meta.get("language"), published=document.date if document is not None else None,
                   outlet=outlet, extracted_by=extracted_by, title_in_body=title_in_body)


_AUTHOR_META = {"author", "article:author", "byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author"}


def _declared_authors(tree) -> list[str]:
    """The authors the page declares for itself: its author meta tags and JSON-LD."""
    declared = [element.get("content") or "" for element in tree.iter("meta")
                if (element.get("name") or element.get("property") or "").strip().lower() in _AUTHOR_META]
    return declared + webpage.json_ld_authors(tree)


def _only_on_cards(tree, author: str, declared: str) -> bool:
    """Whether every byline of the page that gives this name belongs to a card for another
    article (a "More stories" list: a byline beside a linked headline), so that it is not the
    article's own byline. A name the page declares in its metadata, or that the markup does not
    show in any element, stays the author's."""
    names = [name.strip() for name in re.split(r";|,|\band\b|&", re.sub(r"^\s*by\s+", "", author, flags=re.IGNORECASE))]
    names = [name for name in names if name]
    if not names or any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", declared) for name in names):  # "Li" is not in "Lisa Wong"
        return False
    found = [element for element in tree.iter() if isinstance(element.tag, str) and element.tag not in ("script", "style")
             and (element.text or "").strip() in names]
    if not found:
        return False
    return all(_in_card(element) for element in found)


def _in_card(element) -> bool:
    """A byline sits in a card when, within a few levels up, a heading links to another page."""
    ancestor = element
    for _ in range(6):
        ancestor = ancestor.getparent()
        if ancestor is None or ancestor.tag in ("article", "main", "body"):
            return False
        for heading in ancestor.iter("h2", "h3", "h4", "h5"):
            if heading.find(".//a[@href]") is not None or heading.getparent() is not None and heading.getparent().tag == "a":
                return True
    return False
