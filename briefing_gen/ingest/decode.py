"""Bytes of an article -> text: the encoding the file declares, else detection.

Order: a byte-order mark; UTF-16 without a mark (every other byte zero); strict
UTF-8 (bytes that decode as UTF-8 are UTF-8 whatever the page says: pages saved
as UTF-8 often keep an old `iso-8859-1` declaration, and valid UTF-8 does not
happen by chance); then the charset the server sent (for a fetched page); then
the page's own declaration in its first 4 KB (`<meta charset>`, `http-equiv`
Content-Type, `<?xml encoding?>`); then UTF-8 with a few broken bytes replaced,
when everything else is UTF-8; then charset-normalizer's detection. A
declaration the bytes contradict is set aside rather than trusted into mojibake.
Only bytes that no encoding explains are refused.
"""

from __future__ import annotations

import codecs
import re


class DecodeError(Exception):
    """Bytes that no encoding explains; the message says why (the caller adds the path)."""


_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# Labels pages use for what browsers decode as something wider (the WHATWG Encoding Standard).
_WIDER = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252", "us-ascii": "cp1252",
          "ascii": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252", "iso-8859-9": "cp1254",
          "tis-620": "cp874", "iso-8859-11": "cp874", "x-sjis": "shift_jis", "gb2312": "gb18030", "gbk": "gb18030",
          "ks_c_5601-1987": "cp949", "euc-kr": "cp949", "x-mac-roman": "mac_roman"}


def declared_charset(raw: bytes) -> str | None:
    """The encoding the page names in its first 4 KB, as a Python codec name, or None."""
    head = raw[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return codec_name(match.group(1).decode("ascii", "ignore")) if match else None


def codec_name(label: str | None) -> str | None:
    """A charset label as Python knows it; None for a label no codec has."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WIDER.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page that calls itself UTF-16 in an ASCII <meta> tag cannot be UTF-16: read it as UTF-8.
    return "utf-8" if name.startswith("utf-16") or name.startswith("utf-32") else name


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding used). `declared` is a charset from outside the bytes (HTTP)."""
    for mark, name in _BOMS:
        if raw.startswith(mark):
            try:
                return raw[len(mark):].decode(name), name
            except UnicodeDecodeError as error:
                raise DecodeError(f"starts with a {name} byte-order mark but is not {name} "
                                  f"(byte {error.start + len(mark)})") from None
    for name in (_utf16_without_mark(raw), "utf-8", codec_name(declared), declared_charset(raw)):
        if name:
            try:
                return raw.decode(name), name
            except UnicodeDecodeError:
                continue
    nearly = _nearly_utf8(raw)
    if nearly is not None:
        return nearly, "utf-8 (a few broken bytes replaced)"
    return _detect(raw)


def _nearly_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few broken sequences (a page cut and pasted together, a truncated
    character): the rest is UTF-8, and any other reading would garble every accent."""
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - raw.count("\ufffd".encode())
    multibyte = sum(1 for char in text if ord(char) > 127) - broken
    return text if broken <= max(2, len(raw) // 5000) and multibyte >= 3 * broken else None


def _utf16_without_mark(raw: bytes) -> str | None:
    """UTF-16 without a byte-order mark: mostly ASCII text has a zero in every other byte."""
    sample = raw[:400]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _detect(raw: bytes) -> tuple[str, str]:
    """charset-normalizer's best reading, refused when it finds none or the text is binary."""
    from charset_normalizer import from_bytes

    if b"\x00" in raw:
        raise DecodeError("holds zero bytes: a binary file, not text")
    best = from_bytes(raw).best()
    if best is None:
        raise DecodeError("not text in any encoding (neither declared, nor UTF-8, nor detected)")
    return str(best), best.encoding
