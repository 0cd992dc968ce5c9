"""Files on disk -> checked records, each problem with its path and line.

Reads `site.yaml` and every `<kind>/<slug>.md` under the content folder.
Nothing here raises on bad content: every problem found is returned, so an
editor sees them all in one run.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import os
import pickle
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from . import records
from .cache import changed_lately, code_digest, file_stamp
from .problems import Problem
from .records import RECORD_TYPE_BY_KIND, Origin, Record
from .workers import mapped_in_workers, worker_count

try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as YamlLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as YamlLoader  # type: ignore[assignment]


NOT_TAKEN = object()  # a file's stamp, not taken yet


@dataclass(frozen=True)
class SiteSettings:
    """`content/site.yaml`: what the whole site needs to know."""

    title: str
    description: str = ""
    language: str = "en"
    base_url: str = "https://example.org/"
    author: str = ""
    headline: str = ""
    summary: str = ""
    pretty_urls: bool = False
    allow_html: bool = False


SETTINGS_CONVERTERS = {
    "title": records.text, "description": records.text, "language": records.text,
    "base_url": records.web_url, "author": records.text, "headline": records.text,
    "summary": records.text, "pretty_urls": records.boolean, "allow_html": records.boolean,
}


@dataclass
class Content:
    """Every record loaded, by kind and slug, plus the site settings."""

    settings: SiteSettings
    root: Path
    by_kind: dict[str, dict[str, Record]] = field(default_factory=dict)
    # slugs whose file exists but could not be loaded: references to them are not "unknown"
    unloadable: dict[str, set[str]] = field(default_factory=dict)

    def of_kind(self, kind: str) -> dict[str, Record]:
        return self.by_kind.setdefault(kind, {})


@dataclass(frozen=True)
class FrontMatter:
    values: dict[str, Any]
    key_lines: dict[str, int]
    body: str
    body_line: int


def load_content(content_dir: str | os.PathLike, use_cache: bool = False,
                 listed: dict[str, list[tuple]] | None = None) -> tuple[Content, list[Problem]]:
    """Load and check every record under content_dir; return them with all problems found.

    With use_cache, a file whose size and modification time are those of the
    last run is not parsed again: its record (or its problems) come from
    `.briefing-gen-cache/` beside the content folder. `listed` holds the files the input
    stamp just found, with their stats, by folder (InputStamp.folders), so the folders
    are not listed and the files not stat'ed twice.
    """
    root = Path(content_dir)
    problems: list[Problem] = []
    settings = load_settings(root, problems)
    content = Content(settings=settings, root=root)
    shown_root = _display_path(root)
    cache = ParsedRecordCache.load(root, shown_root) if use_cache else None
    files = [(kind, path, f"{shown_root}/{kind}/{os.path.basename(path)}", stamp)
             for kind in RECORD_TYPE_BY_KIND for path, stamp in _record_files(root, kind, problems, listed)]
    parsed: dict[str, tuple[Record | None, list[Problem]]] = {}
    to_parse: list[tuple[Path, str, str]] = []
    for kind, path, shown, stamp in files:
        remembered = cache.lookup(path, shown, stamp) if cache is not None else None
        if remembered is None:
            to_parse.append((Path(path), shown, kind))
        else:
            parsed[shown] = remembered
    for (_, shown, _), result in zip(to_parse, parse_record_files(to_parse)):
        parsed[shown] = result
        if cache is not None:
            cache.remember(shown, result)
    for kind, path, shown, _ in files:
        record, file_problems = parsed[shown]
        problems.extend(file_problems)
        if record is not None:
            content.of_kind(kind)[record.slug] = record
        else:
            content.unloadable.setdefault(kind, set()).add(os.path.splitext(os.path.basename(path))[0])
    if cache is not None:
        cache.save()
    return content, problems


class ParsedRecordCache:
    """Parsed records of the last run, by file, so an incremental build parses only what changed.

    Kept in SHARDS files by a hash of each record's path, so an edit rewrites the
    one file holding that record rather than every record of the site.
    """

    VERSION = 3
    SHARDS = 16

    def __init__(self, root: Path, shown_root: str, entries: list[dict] | None = None,
                 unreadable: set[int] | None = None) -> None:
        self.root, self.shown_root = root, shown_root
        self.entries: list[dict[str, tuple]] = entries or [{} for _ in range(self.SHARDS)]
        self.used: list[dict[str, tuple]] = [{} for _ in range(self.SHARDS)]
        self._stamps: dict[str, tuple[int, ...] | None] = {}
        # shards to write: those not read (missing, old, damaged) and those whose files changed
        self._changed = set(range(self.SHARDS)) if entries is None else set(unreadable or ())

    @staticmethod
    def path_for(root: Path, shard: int = 0) -> Path:
        key = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:16]
        return root.resolve().parent / ".briefing-gen-cache" / f"records-{key}-{shard:02d}.pickle"

    @classmethod
    def load(cls, root: Path, shown_root: str) -> "ParsedRecordCache":
        entries, unreadable = [], set()
        for shard in range(cls.SHARDS):
            try:
                with open(cls.path_for(root, shard), "rb") as stored:
                    version, stored_root, shard_entries = pickle.load(stored)
                ok = version == (cls.VERSION, code_digest()) and stored_root == shown_root
            except Exception:  # a missing, old or damaged shard only means parsing its files again
                ok = False
            entries.append(shard_entries if ok else {})
            if not ok:
                unreadable.add(shard)
        return cls(root, shown_root, entries, unreadable)

    def _shard(self, shown: str) -> int:
        return zlib.crc32(shown.encode("utf-8", "surrogatepass")) % self.SHARDS

    def lookup(self, path: str, shown: str, stamp: Any = NOT_TAKEN) -> tuple[Record | None, list[Problem]] | None:
        """The record and problems of the last run if the file is as it was then; else None.
        `stamp`: the file's `file_stamp` if the caller has just taken it (None if it changed a
        moment ago, so its stats cannot be trusted)."""
        if stamp is NOT_TAKEN:
            status = os.stat(path)
            stamp = None if changed_lately(status, time.time_ns()) else file_stamp(status)
        self._stamps[shown] = stamp  # None: parse again next time
        shard = self._shard(shown)
        entry = self.entries[shard].get(shown)
        if entry is None or stamp is None or entry[0] != stamp:
            self._changed.add(shard)
            return None
        self.used[shard][shown] = entry
        return entry[1], list(entry[2])

    def remember(self, shown: str, result: tuple[Record | None, list[Problem]]) -> None:
        """A file just parsed, under the stats it had before it was read."""
        self.used[self._shard(shown)][shown] = (self._stamps.get(shown), result[0], list(result[1]))

    def save(self) -> None:
        """Write the shards that changed: a file parsed again, added or removed."""
        for shard, used in enumerate(self.used):
            if shard not in self._changed and used.keys() == self.entries[shard].keys():
                continue  # the stored shard is still exact
            target = self.path_for(self.root, shard)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                temporary = target.with_suffix(".tmp")
                with open(temporary, "wb") as stored:
                    pickle.dump(((self.VERSION, code_digest()), self.shown_root, used), stored,
                                protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, target)
            except OSError:
                pass


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _record_files(root: Path, kind: str, problems: list[Problem],
                  listed: dict[str, list[tuple]] | None = None) -> Iterator[tuple[str, Any]]:
    """The record files of one kind, sorted, each with its stamp if `listed` (the input stamp's
    files by folder) has it; links that lead out of the content folder are refused.

    Paths are plain strings: a Path object per file was a third of loading 10,000 cached records."""
    folder = root / kind
    folder_name = str(folder)
    found = listed.get(folder_name) if listed is not None else None
    if found is not None:
        names = [(name, is_link, stamp) for name, stamp, is_link in found
                 if name.endswith(".md") and not name.startswith(".")]
    elif not folder.is_dir():
        return
    else:  # not listed by the stamp (or reached by it through another name): listed here
        with os.scandir(folder) as entries:
            names = sorted((entry.name, entry.is_symlink(), NOT_TAKEN) for entry in entries
                           if entry.name.endswith(".md") and not entry.name.startswith("."))
    real_root = root.resolve()
    folder_inside = folder.resolve().is_relative_to(real_root)
    for name, is_link, stamp in names:
        path = os.path.join(folder_name, name)
        if (is_link or not folder_inside) and not Path(path).resolve().is_relative_to(real_root):
            problems.append(Problem(_display_path(Path(path)), 1, "refusing a link that points outside the content folder", "unsafe-path"))
            continue
        if is_link and not os.path.isfile(path):
            continue
        yield path, stamp


def load_settings(root: Path, problems: list[Problem]) -> SiteSettings:
    path = root / "site.yaml"
    shown = _display_path(path)
    if not path.is_file():
        problems.append(Problem(shown, 1, "missing site settings file (title, description, language, base_url, author)", "missing-file"))
        return SiteSettings(title="Untitled briefing")
    text = _read_text(path, shown, problems)
    parsed = _parse_yaml(text, shown, 0, problems) if text is not None else None
    if parsed is None:
        return SiteSettings(title="Untitled briefing")
    values, key_lines = parsed
    checked: dict[str, Any] = {}
    for key, value in values.items():
        convert = SETTINGS_CONVERTERS.get(key)
        if convert is None:
            problems.append(_unknown_key(shown, key_lines[key], key, SETTINGS_CONVERTERS))
            continue
        try:
            checked[key] = convert(value)
        except ValueError as error:
            problems.append(Problem(shown, key_lines[key], f"{key}: {error}", "invalid-field"))
    if "base_url" not in checked and "base_url" not in values:
        problems.append(Problem(shown, 1, "no base_url: the feed, sitemap and canonical links will point at "
                                f"{SiteSettings.base_url}; set it to the address the site is published at",
                                "missing-base-url", severity="warning"))
    if "title" not in checked:
        problems.append(Problem(shown, 1, "missing required field 'title'", "missing-field"))
        checked["title"] = "Untitled briefing"
    return SiteSettings(**checked)


# Below this many files to parse, starting workers costs more than it saves.
PARALLEL_PARSE = 1000


def parse_record_files(jobs: list[tuple[Path, str, str]]) -> list[tuple[Record | None, list[Problem]]]:
    """Parse (path, shown path, kind) files into (record or None, problems), in order.

    Reading YAML is most of a cold load, so a large batch is parsed on every core;
    the records come back pickled, which costs a tenth of parsing them.
    """
    workers = worker_count()
    if len(jobs) < PARALLEL_PARSE or workers < 2:
        return [_parse_job(job) for job in jobs]
    with mapped_in_workers(_parse_job, jobs, batch=-(-len(jobs) // (workers * 4))) as batches:
        return [result for batch in batches for result in batch]


def _parse_job(job: tuple[Path, str, str]) -> tuple[Record | None, list[Problem]]:
    path, shown, kind = job
    problems: list[Problem] = []
    return load_record(path, shown, RECORD_TYPE_BY_KIND[kind], problems), problems


def load_record(path: Path, shown: str, record_type: type[Record], problems: list[Problem]) -> Record | None:
    """Read one record file; on any problem, report it and return None."""
    slug = path.stem
    text = _read_text(path, shown, problems)
    if text is None:
        return None
    front = split_front_matter(text, shown, problems)
    if front is None:
        return None
    found = len(problems)
    if not records.SLUG_PATTERN.match(slug):
        problems.append(Problem(shown, 1, f"file name {path.name!r} is not a valid slug: use lowercase a-z, 0-9 and single hyphens", "invalid-slug"))
    values = _convert_fields(record_type, front, shown, problems)
    if len(problems) > found:
        return None
    digest = hashlib.sha1(f"{record_type.kind}/{slug}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
    origin = Origin(path=shown, key_lines=front.key_lines, body_line=front.body_line, digest=digest)
    return record_type(slug=slug, body=front.body, origin=origin, **values)


def _convert_fields(record_type: type[Record], front: FrontMatter, shown: str, problems: list[Problem]) -> dict[str, Any]:
    fields = {f.name: f for f in dataclasses.fields(record_type) if "convert" in f.metadata}
    key_names = {records.ATTRIBUTE_TO_KEY.get(name, name): name for name in fields}
    values: dict[str, Any] = {}
    for key, value in front.values.items():
        line = front.key_lines.get(key, 1)
        attribute = key_names.get(key)
        if attribute is None:
            problems.append(_unknown_key(shown, line, key, key_names))
            continue
        try:
            values[attribute] = fields[attribute].metadata["convert"](value)
        except ValueError as error:
            problems.append(Problem(shown, line, f"{key}: {error}", "invalid-field"))
    for key, attribute in key_names.items():
        if fields[attribute].metadata["required"] and key not in front.values:
            problems.append(Problem(shown, 1, f"missing required field '{key}'", "missing-field"))
    return values


def _unknown_key(shown: str, line: int, key: str, known: Any) -> Problem:
    message = f"unknown field '{key}'"
    close = difflib.get_close_matches(str(key), [str(k) for k in known], n=1)
    if close:
        message += f"; did you mean '{close[0]}'?"
    return Problem(shown, line, message, "unknown-field")


def _read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(shown, 1, f"cannot read file: {error.strerror}", "unreadable"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(shown, line, f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8", "encoding"))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


FRONT_MATTER = YAMLHandler()


def split_front_matter(text: str, shown: str, problems: list[Problem]) -> FrontMatter | None:
    """Split `---` YAML front matter from the markdown body (python-frontmatter's rules), keeping line numbers."""
    if not FRONT_MATTER.detect(text):
        problems.append(Problem(shown, 1, "missing front matter: the file must start with a '---' line", "no-front-matter"))
        return None
    try:
        yaml_text, body = FRONT_MATTER.split(text)
    except ValueError:
        problems.append(Problem(shown, 1, "front matter is not closed: add a '---' line after it", "no-front-matter"))
        return None
    # The boundary pattern may swallow blank lines after the opening '---': count them.
    yaml_offset = text[: FRONT_MATTER.FM_BOUNDARY.match(text).end()].count("\n")
    parsed = _parse_yaml(yaml_text, shown, yaml_offset, problems)
    if parsed is None:
        return None
    values, key_lines = parsed
    closing_line = text[: len(text) - len(body)].count("\n") + 1
    stripped = body.lstrip("\n")
    body_line = closing_line + 1 + body[: len(body) - len(stripped)].count("\n") - 1
    return FrontMatter(values, key_lines, stripped.rstrip("\n"), max(body_line, closing_line + 1))


_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _construct(loader: Any, node: yaml.Node, built: dict | None = None) -> Any:
    """The values of a front-matter document, as PyYAML's safe constructor makes them.

    Front matter is mostly plain strings in small mappings and lists; building
    those directly is several times faster than the constructor's generic
    machinery, which still makes every other scalar (numbers, dates, booleans)
    and anything unusual (merge keys, `=` keys) so the result is the same. Each
    node is built once, so an alias is the same object, as in PyYAML (and a
    document of aliases of aliases stays small); a collection that contains
    itself is left to PyYAML.
    """
    if built is None:
        built = {}
    done = built.get(id(node), _MISSING)
    if done is _IN_PROGRESS:  # a collection that contains itself: only PyYAML's constructor can build it
        raise _Recursive
    if done is not _MISSING:
        return done
    if isinstance(node, yaml.ScalarNode):
        value = node.value if node.tag == _STR_TAG else loader.construct_object(node, deep=True)
    elif isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
        built[id(node)] = _IN_PROGRESS
        value = [_construct(loader, item, built) for item in node.value]
    elif isinstance(node, yaml.MappingNode) and node.tag == "tag:yaml.org,2002:map" and \
            not any(key.tag in (_MERGE_TAG, _VALUE_TAG) for key, _ in node.value):
        built[id(node)] = _IN_PROGRESS
        value = {}
        for key_node, value_node in node.value:
            key = _construct(loader, key_node, built)
            try:
                value[key] = _construct(loader, value_node, built)
            except TypeError:
                value = loader.construct_object(node, deep=True)
                break
    else:
        value = loader.construct_object(node, deep=True)
    built[id(node)] = value
    return value


_MISSING, _IN_PROGRESS = object(), object()
_VALUE_TAG = "tag:yaml.org,2002:value"


class _Recursive(Exception):
    pass


def _parse_yaml(text: str, shown: str, line_offset: int, problems: list[Problem]) -> tuple[dict, dict[str, int]] | None:
    """Parse a YAML mapping; return its values and the 1-based line of each top-level key."""
    loader = YamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            line = node.start_mark.line + 1 + line_offset
            problems.append(Problem(shown, line, "front matter must be a mapping of 'key: value' lines", "yaml"))
            return None
        key_lines: dict[str, int] = {}
        for key_node, _ in node.value:
            line = key_node.start_mark.line + 1 + line_offset
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(shown, line, "a key must be a plain word, not a list or a mapping", "yaml"))
                return None
            if key_node.value in key_lines:
                problems.append(Problem(shown, line, f"duplicate key '{key_node.value}' (first at line {key_lines[key_node.value]})", "yaml"))
                return None
            key_lines[key_node.value] = line
        try:
            values = _construct(loader, node)
        except _Recursive:
            values = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        column = (mark.column + 1) if mark else 0
        problems.append(Problem(shown, line, f"YAML syntax error: {error.problem or error.context}", "yaml", column))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(shown, 1 + line_offset, f"YAML error: {error}", "yaml"))
        return None
    finally:
        loader.dispose()
    return {str(key): value for key, value in values.items()}, key_lines
