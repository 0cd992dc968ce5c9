"""`ingest https://...`: fetch one web page, every redirect recorded, within limits.

http and https only (a redirect elsewhere is refused too), a timeout on every
network wait, a size limit on what is read, at most MAX_REDIRECTS redirects.
Any failure is one line (FetchError) and nothing is written; on success the
bytes are kept exactly as they came, for the snapshot beside the source record.
The standard library's urllib does it: one GET, no cookies, no retries.
"""

from __future__ import annotations

import datetime as dt
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urlsplit

from .. import __version__

TIMEOUT_SECONDS = 20.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 10
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


class FetchError(Exception):
    """A page that could not be fetched; the message is one line and names the address."""


@dataclass
class Fetched:
    """What a fetch got: the bytes as sent, from where, through which redirects, and when."""

    url: str
    final_url: str
    body: bytes
    content_type: str
    charset: str | None
    fetched_at: str
    redirects: list[str] = field(default_factory=list)

    @property
    def is_html(self) -> bool:
        return self.content_type in ("text/html", "application/xhtml+xml")

    @property
    def snapshot_suffix(self) -> str:
        return {"text/plain": ".txt", "text/markdown": ".md.txt"}.get(self.content_type, ".html")


def is_address(argument: str) -> bool:
    """An argument that names a page by its address rather than a file (`scheme://...`)."""
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", argument))


def check_address(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http:// and https:// addresses can be fetched")
    if not parts.hostname or any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise FetchError(f"{url}: not a web address")


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects as urllib does, noting each address and refusing non-web schemes."""

    max_redirections = MAX_REDIRECTS

    def __init__(self) -> None:
        self.followed: list[str] = []

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_address(newurl)
        if len(self.followed) >= MAX_REDIRECTS:
            raise FetchError(f"{self.followed[0] if self.followed else req.full_url}: more than {MAX_REDIRECTS} redirects")
        self.followed.append(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str) -> Fetched:
    """GET the page; FetchError (one line, naming `url`) on any failure."""
    check_address(url)
    redirects = _Redirects()
    opener = urllib.request.build_opener(redirects)
    opener.addheaders = [("User-Agent", f"briefing-gen/{__version__} (ingest)"),
                         ("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")]
    fetched_at = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        with opener.open(url, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_BYTES + 1)
            headers: Message = response.headers
            final_url = response.geturl()
    except FetchError as error:
        raise FetchError(f"{url}: {str(error).split(': ', 1)[-1]}") from None
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:  # urllib gives up on a redirect that comes back round
            raise FetchError(f"{url}: the redirects go round in a loop") from None
        raise FetchError(f"{url}: the server answered HTTP {error.code} {_reason(error.reason)}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"{url}: cannot fetch: {_reason(error.reason)}") from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"{url}: no answer within {TIMEOUT_SECONDS:g} seconds") from None
    except (OSError, ValueError) as error:  # a connection reset, a malformed answer
        raise FetchError(f"{url}: cannot fetch: {_reason(error)}") from None
    if len(body) > MAX_BYTES:
        raise FetchError(f"{url}: the page is larger than {MAX_BYTES // (1024 * 1024)} MB; save it and ingest the file")
    content_type = headers.get_content_type()
    if content_type not in _PAGE_TYPES:
        raise FetchError(f"{url}: not a web page (Content-Type {content_type})")
    return Fetched(url=url, final_url=final_url, body=body, content_type=content_type,
                   charset=headers.get_content_charset(), fetched_at=fetched_at, redirects=redirects.followed)


def _reason(reason) -> str:
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"no answer within {TIMEOUT_SECONDS:g} seconds"
    text = str(getattr(reason, "strerror", None) or reason)
    return " ".join(text.split()) or type(reason).__name__
