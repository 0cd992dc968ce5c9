"""A source's address, accepted only when it is a plain http(s) URL.

The page supplies it (`<link rel="canonical">`, `og:url`, front matter), so
it is untrusted: a `javascript:` or `data:` address would become a live link
on the source page. Anything else is dropped and flagged for the editor.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def source_url(url: str | None) -> tuple[str | None, str | None]:
    """(the url, None) when it is http(s) with a host; (None, what was rejected) otherwise;
    (None, None) when there was nothing to judge."""
    if url is None or not str(url).strip():
        return None, None
    url = str(url).strip()
    squeezed = _CONTROL.sub("", url)  # browsers ignore tabs and newlines inside "java\tscript:"
    try:
        parts = urlsplit(squeezed)
    except ValueError:
        return None, url
    if squeezed != url or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None, url
    if re.search(r"[\"'<>\\\\`]", url):
        return None, url
    return url, None


def first_source_url(candidates: list[str | None]) -> tuple[str | None, list[str]]:
    """The first acceptable address among the page's candidates, and every rejected one."""
    rejected: list[str] = []
    for candidate in candidates:
        url, bad = source_url(candidate)
        if bad:
            rejected.append(bad)
        if url:
            return url, rejected
    return None, rejected
