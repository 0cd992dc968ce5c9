"""Markdown in record bodies -> safe HTML.

Raw HTML in a body is shown as text, not run, as Hugo's renderer does by
default: the articles come from the open web. `javascript:` and other
unsafe link schemes are dropped. With `allow_html: true` in site.yaml, raw
HTML passes through Markdown and the result is cleaned with nh3 (the
Ammonia sanitiser) against its allow-list: no script, no event handler, no
iframe, whatever the editor pasted.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from .store import Shelf
from .workers import mapped_in_workers, worker_count

# Below this many texts to convert, starting workers costs more than it saves.
PARALLEL_CONVERT = 400
SAFE_SCHEMES = ("http:", "https:", "mailto:", "#", "/", "./", "../")


@lru_cache(maxsize=None)
def _tree_processors() -> tuple[type, type]:
    """Two rules of ours for Markdown's element tree, made on first use: Python-Markdown is
    imported only by a process that converts a text (11 ms a build that converts none saves)."""
    from markdown.treeprocessors import Treeprocessor

    class HeadingsAsParagraphs(Treeprocessor):
        """A `#` line in a body must not become a second h1 or break the page's heading order:
        it is kept as a bold paragraph instead."""

        def run(self, root: Any) -> None:
            for element in root.iter():
                if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    element.tag = "p"
                    element.set("class", "body-heading")

    class DropUnsafeLinks(Treeprocessor):
        """Remove href/src values whose scheme could run code."""

        def run(self, root: Any) -> None:
            for element in root.iter():
                for attribute in ("href", "src"):
                    value = element.get(attribute)
                    if value is not None and not _is_safe_url(value):
                        del element.attrib[attribute]

    return HeadingsAsParagraphs, DropUnsafeLinks


def _is_safe_url(url: str) -> bool:
    cleaned = "".join(url.split()).lower()
    if ":" not in cleaned.split("/", 1)[0].split("#", 1)[0].split("?", 1)[0]:
        return True  # a relative link
    return cleaned.startswith(SAFE_SCHEMES)


def markdown_version() -> str:
    """Which Python-Markdown converts, for the key of the HTML kept between builds, found
    without importing it: a digest of its version file, else its version as imported."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("markdown")
        if spec is not None and spec.submodule_search_locations:
            meta = Path(next(iter(spec.submodule_search_locations))) / "__meta__.py"
            return hashlib.sha1(meta.read_bytes()).hexdigest()
    except (ImportError, OSError, ValueError):
        pass
    import markdown

    return markdown.__version__


class MarkdownRenderer:
    """One Markdown instance, reset per document (building one is slow)."""

    def __init__(self, allow_html: bool = False, store: Path | None = None) -> None:
        self._sanitise = None
        if allow_html:
            import nh3  # only sites that opt in to raw HTML pay for the import

            self._sanitise = nh3.clean
        self._allow_html = allow_html
        self._markdown: Any = None  # the Markdown instance, made when a first text needs converting
        # HTML of each body, kept between builds in `store` so an edit does not re-convert
        # the thousands of bodies a page like the home page shows; `_cache` is this build's.
        self._kept = Shelf(store, (markdown_version(), allow_html))
        self._stored = self._kept.kept
        self._cache: dict[str, str] = self._kept.now

    def render(self, text: str) -> str:
        cached = self._known(text)
        if cached is None:
            cached = self._converter().reset().convert(text)
            if self._sanitise is not None:
                cached = self._sanitise(cached)
            self._cache[text] = cached
        return cached

    def _converter(self) -> Any:
        """The Markdown instance, made on first use: a one-edit rebuild finds every body but the
        edited one converted by an earlier build. The extension is given as an object: named
        by a string, Markdown looks it up among every installed package's entry points (30 ms)."""
        if self._markdown is None:
            import markdown
            from markdown.extensions.sane_lists import SaneListExtension

            converter = markdown.Markdown(extensions=[SaneListExtension()], output_format="html")
            if not self._allow_html:
                converter.preprocessors.deregister("html_block")
                converter.inlinePatterns.deregister("html")
            headings_as_paragraphs, drop_unsafe_links = _tree_processors()
            converter.treeprocessors.register(drop_unsafe_links(converter), "drop_unsafe_links", 0)
            converter.treeprocessors.register(headings_as_paragraphs(converter), "headings_as_paragraphs", 1)
            self._markdown = converter
        return self._markdown

    def _known(self, text: str) -> str | None:
        """The HTML of a text converted in this build or kept from the last one (then counted as used)."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self._stored.get(text)
            if cached is not None:
                self._cache[text] = cached
        return cached

    @contextlib.contextmanager
    def converting(self, texts: list[str]) -> Iterator[Callable[[], None]]:
        """Convert the texts pages will ask for while the caller goes on with other work.

        Yields `finish`: once it is called, every text is in this renderer, so the
        workers that render pages (each with its own copy of it) never convert a
        body twice. On a large site the texts are converted in worker processes,
        started here, while the build checks the content and plans its pages; a
        block left without calling `finish` (the content has errors) stops them.
        A few texts (an edit's) are converted here when `finish` is called.
        """
        wanted = dict.fromkeys(texts)
        kept = wanted.keys() & self._stored.keys()  # as _known does, for thousands of texts at once
        self._cache.update(zip(kept, map(self._stored.__getitem__, kept)))
        missing = [text for text in wanted if text not in self._cache]
        workers = worker_count()
        if len(missing) < PARALLEL_CONVERT or workers < 2:
            def convert_here() -> None:
                for text in missing:
                    if text not in self._cache:
                        _try_render(self, text)  # a text that fails is left to its page, which reports it

            yield convert_here
            return
        with mapped_in_workers(partial(_try_render, self), missing, batch=-(-len(missing) // (workers * 4))) as batches:
            def finish() -> None:
                for text, html in zip(missing, (html for batch in batches for html in batch)):
                    if html is not None:  # None: failed; converting it again on its page reports where
                        self._cache[text] = html

            yield finish

    def save(self) -> None:
        """Keep what this build converted (and only that, so the store never grows stale)."""
        self._kept.save()

    def render_inline(self, text: str) -> str:
        """Render a one-line value without its wrapping paragraph."""
        html = self.render(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html


def _try_render(renderer: MarkdownRenderer, text: str) -> str | None:
    try:
        return renderer.render(text)
    except Exception:
        return None
