"""The Jinja environment: autoescape, StrictUndefined, and the project's filters.

The context every page shares (site settings, navigation, the page's own
path for relative links) is added in `common_context`, the one place where
a template's context is completed.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from markupsafe import Markup

from . import charts, render
from . import store
from .content import SiteSettings
from .markup import MarkdownRenderer

NAVIGATION = (
    ("Briefing", "index.html"),
    ("Timeline", "timeline/index.html"),
    ("Quotes", "quotes/index.html"),
    ("Takeaways", "takeaways/index.html"),
    ("People", "people/index.html"),
    ("Sources", "sources/index.html"),
    ("Search", "search/index.html"),
)


def make_environment(templates_dir: str | Path, settings: SiteSettings, renderer: MarkdownRenderer,
                     kept_for: Path | None = None) -> jinja2.Environment:
    """The environment every page is rendered in. With kept_for (an output folder), templates
    compiled by an earlier build of it are reused from the store (Jinja checks each against its source)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        bytecode_cache=_bytecode_cache(kept_for, settings),
        autoescape=jinja2.select_autoescape(("html", "xml"), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    links: dict[tuple[int, str], str] = {}  # a page links to the same few records again and again
    record_paths: dict[int, tuple[Any, str]] = {}

    @jinja2.pass_context
    def href(context: Any, target: Any) -> str:
        """Link from the page being rendered to a record or an output path."""
        if isinstance(target, str):
            to_path = target
        else:
            known = record_paths.get(id(target))
            if known is None or known[0] is not target:
                known = record_paths[id(target)] = (target, render.record_path(target))
            to_path = known[1]
        page_path = context["page_path"]
        if context.get("absolute_links"):
            return absolute_url(settings.base_url, to_path, settings.pretty_urls)
        if to_path.startswith(page_path):  # perhaps a link within the page itself: not shared
            return render.relative_link(page_path, to_path, settings.pretty_urls)
        key = (page_path.count("/"), to_path)
        link = links.get(key)
        if link is None:
            link = links[key] = render.relative_link(page_path, to_path, settings.pretty_urls)
        return link

    @jinja2.pass_context
    def markdown(context: Any, text: str) -> Markup:
        return Markup(links_from_page(renderer.render(text), context["page_path"]))

    @jinja2.pass_context
    def markdown_inline(context: Any, text: str) -> Markup:
        return Markup(links_from_page(renderer.render_inline(text), context["page_path"]))

    environment.filters.update(
        href=href,
        date=render.display_date,
        markdown=markdown,
        markdown_inline=markdown_inline,
        number=charts.format_number,
        quoted=render.quoted_words,
        atom_time=render.atom_timestamp,
        absolute=lambda path: absolute_url(settings.base_url, path, settings.pretty_urls),
    )
    environment.globals.update(
        paragraph_path=render.paragraph_path,
        record_path=render.record_path,
        kind_of=lambda record: record.kind,
        compares=settings.compares,
    )
    return environment


def paged_lists(environment: jinja2.Environment) -> tuple[str, ...]:
    """The lists of render.PAGED_LISTS whose template uses `pager` (links to its other pages), read
    from the source; the others are shown whole. A template that cannot be read counts as paged:
    it is reported where it is loaded."""
    paged = []
    for name, template in render.PAGED_LISTS.items():
        try:
            source = environment.loader.get_source(environment, template)[0]
        except jinja2.TemplateError:
            source = "pager"
        if "pager" in source:
            paged.append(name)
    return tuple(paged)


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's compiled templates, kept between builds; a cache that cannot be read or
    written only means compiling again, never a failed build."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache(out: Path | None, settings: SiteSettings) -> jinja2.BytecodeCache | None:
    """Jinja keys compiled templates by their source only: they are kept in a folder of the
    store named for the code that compiles them (briefing-gen's and Jinja's) and for the
    site's settings, which Jinja may fold into the compiled code (`{{ 'index.html'|absolute }}`
    becomes the finished address), so neither an upgrade nor a changed setting reuses old ones."""
    if out is None:
        return None
    settings_digest = hashlib.sha1(repr(settings).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    compiled = store.folder(out, "templates", f"jinja{jinja2.__version__}", settings_digest)
    try:
        compiled.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # the cache only saves time
    return _CompiledTemplates(str(compiled))


SITE_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)(?:\./)?')


def links_from_page(html: str, page_path: str) -> str:
    """Links in a record body are written from the site root (`quotes/x/index.html`);
    make them relative to the page the body is shown on, as every other link is."""
    depth = page_path.count("/")
    if not depth or ("href=" not in html and "src=" not in html):
        return html
    return SITE_RELATIVE_LINK.sub(lambda match: match.group(1) + "../" * depth, html)


def absolute_url(base_url: str, path: str, pretty_urls: bool = False) -> str:
    if pretty_urls and (path == "index.html" or path.endswith("/index.html")):
        path = path[: -len("index.html")]
    return base_url.rstrip("/") + "/" + path


def common_context(page: render.Page, settings: SiteSettings) -> dict[str, Any]:
    """What every page template can use, beside the page's own context."""
    context = {
        "site": settings,
        "page_path": page.path,
        "page_title": page.title,
        "navigation": NAVIGATION,
        "canonical_url": absolute_url(settings.base_url, page.path, settings.pretty_urls),
        "description": settings.description,
        "og_type": "website",
        "card": None,  # a page with a share card (cards.py) gives its own
    }
    context.update(page.context)
    return context
