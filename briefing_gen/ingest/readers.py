"""Article files -> a title and a list of paragraph blocks (markdown text).

Plain text, markdown and HTML are read into the same shape so every later
step works on plain strings. For HTML only the article body is kept: site
chrome (navigation, header, footer, asides, share and cookie blocks, forms,
scripts, styles) never becomes a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml


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


def read_article(path: str) -> Article:
    """Read and decode one file, choosing the reader by extension or content."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read file: {error.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{path}:1: the file is empty: there is no article to ingest")
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm") or re.match(r"\s*(<!doctype html|<html)", text, re.IGNORECASE):
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

_SKIPPED_TAGS = {"script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg",
                 "button", "select", "template", "figure", "menu", "dialog", "object", "video", "audio"}
_CHROME_WORDS = {"share", "sharing", "shares", "social", "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe",
                 "subscription", "comment", "comments", "disqus", "related", "promo", "promotion", "advert", "advertisement",
                 "ad", "ads", "adslot", "banner", "menu", "navbar", "nav", "navigation", "sidebar", "breadcrumb",
                 "breadcrumbs", "popup", "modal", "widget", "sponsor", "sponsored", "recommended", "recommendations",
                 "trending", "mostread", "popular", "footer", "masthead", "paywall", "signup", "outbrain", "taboola",
                 "toolbar", "tags", "pagination", "skip", "print", "teaser", "teasers", "more"}
_CONTENT_WORDS = {"article", "story", "post", "entry", "content", "body", "main", "text", "articlebody"}
_CHROME = re.compile(r"sharebar|socialbar|cookiebar|adslot|adunit|adcontainer|relatedposts|readmore", re.IGNORECASE)
_BODY_HINT = re.compile(r"article-body|articlebody|story-body|post-content|entry-content|article-content", re.IGNORECASE)
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article",
               "main", "header", "pre", "dd", "dt", "td", "table", "ul", "ol", "figcaption", "hr"}
_BYLINE = re.compile(r"byline|\bauthor", re.IGNORECASE)
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "source", "area", "base", "col", "embed", "wbr", "track"}


class _ArticleParser(HTMLParser):
    """Collect text blocks per candidate article root, skipping chrome subtrees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_stack: list[str] = []
        self.open_tags: list[str] = []
        self.roots: list[list[str]] = [[]]  # roots[0]: everything outside an article root
        self.root_depths: list[int] = []
        self.buffer: list[str] = []
        self.block_kind = "p"
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.h1: str | None = None
        self.bylines: list[str] = []
        self.byline_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a block, an article root, or a skipped chrome subtree."""
        values = {name: value or "" for name, value in attrs}
        self._note_metadata(tag, values)
        if tag in _VOID_TAGS:
            if tag == "hr":
                self._flush()
            elif tag == "br":
                self.buffer.append(" ")  # a line break inside a paragraph, not a new paragraph
            return
        if self.skip_stack:
            if tag == self.skip_stack[-1]:
                self.skip_stack.append(tag)
            return
        inline_time = tag == "time" and ("p" in self.open_tags or "li" in self.open_tags)
        if (tag in _SKIPPED_TAGS or _is_chrome(tag, values, bool(self.root_depths))) or (tag == "time" and not inline_time):
            self.skip_stack.append(tag)
            return
        self.open_tags.append(tag)
        if _BYLINE.search(f"{values.get('class', '')} {values.get('itemprop', '')} {values.get('rel', '')}") and not self.byline_depth:
            self._flush()
            self.byline_depth = len(self.open_tags)
            self.block_kind = "byline"
        if tag in ("article", "main") or _BODY_HINT.search(values.get("class", "") + " " + values.get("id", "")) \
                or values.get("itemprop") == "articleBody":
            if not self.root_depths:
                self._flush()
                self.roots.append([])
            self.root_depths.append(len(self.open_tags))
        if tag in _BLOCK_TAGS:
            self._flush()
            self.block_kind = tag
        if tag == "title":
            self.in_title = True

    def handle_endtag(self, tag: str) -> None:
        """Close tags up to the matching one (HTML in the wild is not always nested well)."""
        if self.skip_stack:
            if tag == self.skip_stack[-1]:
                self.skip_stack.pop()
            return
        if tag not in self.open_tags:
            return
        while self.open_tags:
            closed = self.open_tags.pop()
            if self.byline_depth and len(self.open_tags) < self.byline_depth:
                self._flush()
                self.byline_depth = 0
            if closed in _BLOCK_TAGS:
                self._flush()
            if self.root_depths and self.root_depths[-1] > len(self.open_tags):
                self.root_depths.pop()
            if closed == "title":
                self.in_title = False
            if closed == tag:
                break
        self.block_kind = "p"

    def handle_data(self, data: str) -> None:
        if self.skip_stack:
            return
        if self.in_title:
            self.meta.setdefault("title", data.strip())
            return
        if "head" in self.open_tags and "body" not in self.open_tags:
            return
        self.buffer.append(data)

    def _note_metadata(self, tag: str, values: dict[str, str]) -> None:
        key = values.get("property") or values.get("name") or values.get("itemprop") or ""
        if tag == "meta" and values.get("content"):
            self.meta.setdefault(key.lower(), values["content"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower():
            self.meta.setdefault("canonical", values.get("href", ""))
        elif tag == "html" and values.get("lang"):
            self.meta.setdefault("lang", values["lang"])
        elif tag == "time" and values.get("datetime"):
            self.meta.setdefault("time", values["datetime"])

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.buffer)).strip()
        self.buffer = []
        if not text:
            return
        kind = self.block_kind
        if kind == "byline" or self.byline_depth:
            self.bylines.append(text)
            return
        if kind == "h1" and self.h1 is None:
            self.h1 = text
            return
        prefix = {"h2": "## ", "h3": "### ", "h4": "#### ", "h5": "##### ", "h6": "###### ",
                  "li": "- ", "blockquote": "> "}.get(kind, "")
        target = self.roots[-1] if self.root_depths else self.roots[0]
        target.append(prefix + _escape_markup(text))


def _is_chrome(tag: str, values: dict[str, str], inside_root: bool) -> bool:
    """Site chrome by tag or by class/id/role; a header inside the article is its own."""
    if tag == "header" and not inside_root:
        return True
    if values.get("role") in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    if values.get("aria-hidden") == "true" or "hidden" in values:
        return True
    words = set(re.split(r"[\s_-]+", f"{values.get('class', '')} {values.get('id', '')}".lower()))
    if tag in ("html", "body", "article", "main") or words & _CONTENT_WORDS:
        return False  # "article-body share-enabled" is the article, not a share bar
    marks = " ".join(sorted(words))
    return bool(words & _CHROME_WORDS) or "most read" in marks or bool(_CHROME.search(marks))


def _escape_markup(text: str) -> str:
    """Tag-like text decoded from entities stays text in the record, never live HTML."""
    return re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)


_HTML_TAG = re.compile(r"<(?=/?(?:script|style|iframe|frame|object|embed|svg|math|form|input|button|link|meta|base|img|"
                       r"video|audio|source|a|div|span|p|b|i|u|em|strong|br|hr|table|tr|td|th|ul|ol|li|h[1-6]|"
                       r"textarea|select|option|template|details|summary|marquee|body|html|head|title)\b[^<>]*>)", re.IGNORECASE)


def escape_html_tags(block: str) -> str:
    """HTML tags in a text or markdown article stay text (a transcript caption like
    `<Kim Jong-un / Chairman>` is not a tag and is kept as written)."""
    return _HTML_TAG.sub("&lt;", block)


def read_html(text: str, path: str = "") -> Article:
    """The article body of an HTML page: the largest article root, else the page minus chrome."""
    parser = _ArticleParser()
    parser.feed(text)
    parser.close()
    parser._flush()
    candidates = parser.roots[1:] or parser.roots[:1]
    blocks = max(candidates, key=lambda blocks: sum(len(block) for block in blocks))
    meta = parser.meta
    title = parser.h1 or meta.get("og:title") or _strip_site_name(meta.get("title"))
    byline = _byline_names(parser.bylines) or ([meta["author"]] if meta.get("author") else [])
    candidates = [meta[key] for key in ("canonical", "og:url") if meta.get(key)]
    return Article(path=path, title=title, blocks=list(blocks), url=candidates[0] if candidates else None,
                   url_candidates=candidates,
                   byline=byline, language=meta.get("lang"),
                   published=meta.get("article:published_time") or meta.get("datepublished") or meta.get("time"),
                   outlet=meta.get("og:site_name") or _site_name(meta.get("title")))


def _byline_names(texts: list[str]) -> list[str]:
    """"By Jon Ash and Mia Kerr" -> ["Jon Ash", "Mia Kerr"]."""
    names: list[str] = []
    for text in texts:
        text = re.sub(r"^\s*(?:by|written by|words by)\s+", "", text, flags=re.IGNORECASE)
        for name in re.split(r",|;|\band\b|&", text):
            name = name.strip()
            if re.fullmatch(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}", name) and name not in names:
                names.append(name)
    return names


def _site_name(title: str | None) -> str | None:
    """"Talks resume | News Site" -> "News Site": the outlet a page names in its title."""
    parts = re.split(r"\s+[|–—-]\s+", title or "")
    return parts[-1].strip() if len(parts) > 1 and len(parts[-1].split()) <= 5 else None


def _strip_site_name(title: str | None) -> str | None:
    if not title:
        return None
    return re.split(r"\s+[|–—-]\s+", title)[0].strip() or title
