"""Files on disk -> checked records, each problem with its path and line.

Reads `site.yaml` and every `<kind>/<slug>.md` under the content folder.
Nothing here raises on bad content: every problem found is returned, so an
editor sees them all in one run.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from frontmatter.default_handlers import YAMLHandler

from . import records
from .store import Shelf, place, shard_of
from .problems import Problem
from .records import RECORD_TYPE_BY_KIND, Origin, Record
from .uptodate import FolderFiles, folder_files
from .workers import mapped_in_workers, worker_count

try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


class YamlLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """The safe loader, except that an unquoted date which does not exist (`2023-02-30`)
    stays the text it was, for the field's own check to report with its line, where
    PyYAML would raise a bare ValueError."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return node.value


YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", YamlLoader.construct_yaml_timestamp)


@dataclass(frozen=True)
class Naming:
    """What a briefing compares, as `compares: {singular, plural}` in site.yaml names it: the
    content folder (plural), the field by which records refer to one (singular), the page
    addresses and every label. Inside the code the kind keeps its first name, `summits`."""

    singular: str = "summit"
    plural: str = "summits"

    @property
    def singular_label(self) -> str:
        return self.singular.replace("-", " ")

    @property
    def plural_label(self) -> str:
        return self.plural.replace("-", " ")

    @property
    def key_of(self) -> dict[str, str]:
        """Front-matter key by attribute name, for the attributes named after what is compared."""
        return {"summit": self.singular}


def compares(value: Any) -> Naming | None:
    """`compares: {singular: election, plural: elections}`, or `none` for a briefing that
    compares nothing."""
    if value is False or (isinstance(value, str) and value.strip().lower() == "none"):
        return None
    value = records._mapping(value, ("singular", "plural"))
    singular, plural = records.slug(value["singular"]), records.slug(value["plural"])
    if singular == plural:
        raise ValueError(f"singular and plural must differ, both are {singular!r}")
    taken_fields = {spec.key for record_type in RECORD_TYPE_BY_KIND.values() for spec in record_fields(record_type)}
    taken_fields.discard("summit")
    if singular in taken_fields:
        raise ValueError(f"{singular!r} is already a field of some records; choose another singular")
    if plural in RECORD_TYPE_BY_KIND and plural != "summits" or plural in RESERVED_FOLDERS:
        raise ValueError(f"{plural!r} is already the folder of another kind or page; choose another plural")
    return Naming(singular, plural)


# Output folders the site uses for pages of its own (a compared kind's pages cannot go there).
RESERVED_FOLDERS = frozenset({"timeline", "search", "assets", "schemas", "compare"})


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
    page_size: int = 100  # items per page of a long list (takeaways, quotes), as Hugo's pagerSize
    compares: Naming | None = Naming()  # None: the briefing compares nothing
    cards: bool = True  # share cards (og:image) for the home, quote and summit pages
    data: bool = True  # briefing.json and the schemas/ it names, published in the site

    def folder_of(self, kind: str) -> str | None:
        return kind_folder(kind, self.compares)


class FieldSpec(NamedTuple):
    """A front-matter field as the loader reads it: its key, the record's attribute, its converter."""

    key: str
    attribute: str
    convert: Callable[[Any], Any]
    required: bool
    default: Any


@functools.lru_cache(maxsize=64)
def record_fields(record_type: type[Record], naming: Naming | None = Naming()) -> tuple[FieldSpec, ...]:
    """The front-matter fields of a kind under a briefing's naming: the compared kind's reference
    under its singular, or no such field when the briefing compares nothing. The loader checks
    records with these, and the JSON Schemas and the export describe them."""
    renamed = {**records.ATTRIBUTE_TO_KEY, **(naming.key_of if naming else {})}
    return tuple(FieldSpec(renamed.get(field.name, field.name), field.name, field.metadata["convert"],
                           field.metadata["required"], field.default)
                 for field in dataclasses.fields(record_type)
                 if "convert" in field.metadata and not (naming is None and field.name == "summit"))


@functools.lru_cache(maxsize=64)
def _fields_by_key(record_type: type[Record], naming: Naming | None) -> dict[str, FieldSpec]:
    return {spec.key: spec for spec in record_fields(record_type, naming)}


def kind_folders(naming: Naming | None = Naming()) -> dict[str, str]:
    """Kind -> its folder under content/ (and its schema's name), under a briefing's naming."""
    folders = {kind: kind_folder(kind, naming) for kind in RECORD_TYPE_BY_KIND}
    return {kind: folder for kind, folder in folders.items() if folder is not None}


def kind_folder(kind: str, naming: Naming | None) -> str | None:
    """The content folder (and page folder) of a kind; None for the compared kind of a briefing
    that compares nothing."""
    if kind != "summits":
        return kind
    return naming.plural if naming else None


SETTINGS_CONVERTERS = {
    "title": records.text, "description": records.text, "language": records.text,
    "base_url": records.web_url, "author": records.text, "headline": records.text,
    "summary": records.text, "pretty_urls": records.boolean, "allow_html": records.boolean,
    "page_size": records.page_size, "compares": compares, "cards": records.boolean,
    "data": records.boolean,
}


@dataclass
class Content:
    """Every record loaded, by kind and slug, plus the site settings."""

    settings: SiteSettings
    root: Path
    by_kind: dict[str, dict[str, Record]] = field(default_factory=dict)
    # slugs whose file exists but could not be loaded: references to them are not "unknown"
    unloadable: dict[str, set[str]] = field(default_factory=dict)
    # the digest of each record's file by kind and slug, as the loader keeps them (so that what
    # later steps compare does not have to be read out of 10,000 records again)
    digests: dict[str, dict[str, str]] = field(default_factory=dict)

    def of_kind(self, kind: str) -> dict[str, Record]:
        return self.by_kind.setdefault(kind, {})


@dataclass(frozen=True)
class FrontMatter:
    values: dict[str, Any]
    key_lines: dict[str, int]
    body: str
    body_line: int


def load_content(content_dir: str | os.PathLike, use_cache: bool = False,
                 listed: dict[str, FolderFiles] | None = None) -> tuple[Content, list[Problem]]:
    """Load and check every record under content_dir; return them with all problems found.

    With use_cache, a file whose stats are those of the last run is not read again: its
    record (or its problems) come from `.briefing-gen-cache/` beside the content folder
    (`KeptRecords`). `listed` holds the files the input stamp just found, with their stats,
    by folder (InputStamp.folders), so the folders are not listed and stat'ed twice.
    """
    root = Path(content_dir)
    problems: list[Problem] = []
    settings = load_settings(root, problems)
    content = Content(settings=settings, root=root)
    shown_root = _display_path(root)
    kept = KeptRecords(root, shown_root, use_store=use_cache, naming=settings.compares)
    real_root = root.resolve()
    to_read: list[tuple[str, str, tuple | None]] = []  # (kind, name, stamp)
    checked: list[tuple[None, list[Problem], bool] | None] = []  # what a file not to be read gives
    naming = settings.compares
    for kind in RECORD_TYPE_BY_KIND:
        if settings.folder_of(kind) is None:
            continue  # nothing compared: no folder of the compared kind is read
        folder = root / settings.folder_of(kind)
        files = (listed or {}).get(str(folder)) or folder_files(str(folder))
        if files is None and folder.is_dir():
            problems.append(Problem(_display_path(folder), 1, "cannot read this folder: its records are left out",
                                    "unreadable"))
        inside = folder.resolve().is_relative_to(real_root) if files is not None else True
        links = files.links if files is not None else frozenset()
        for name, stamp in kept.changed(kind, files, inside):
            # A link, or a file of a folder outside the content folder, is looked at again at every
            # load (kept under no stamp): where it leads can change while the file it led to does not.
            trusted = inside and name not in links
            to_read.append((kind, name, stamp if trusted else None))
            checked.append(_refused_link(real_root, folder / name, inside, name in links))
    jobs = [(root / settings.folder_of(kind) / name, f"{shown_root}/{settings.folder_of(kind)}/{name}", kind, naming)
            for (kind, name, _), refused in zip(to_read, checked) if refused is None]
    parsed = iter(parse_record_files(jobs))
    for (kind, name, stamp), refused in zip(to_read, checked):
        kept.remember(kind, name, stamp, refused if refused is not None else (*next(parsed), True))
    for kind in RECORD_TYPE_BY_KIND:
        records, digests, kind_problems, unloadable = kept.of_kind(kind)
        content.by_kind[kind] = records
        content.digests[kind] = digests
        problems.extend(kind_problems)
        if unloadable:
            content.unloadable[kind] = unloadable
    kept.shelf.save()
    return content, problems


def _refused_link(real_root: Path, path: Path, folder_inside: bool, is_link: bool) -> tuple[None, list[Problem], bool] | None:
    """What a record file that is not to be read gives (a link out of the content folder is
    refused, a link to nothing is passed over), or None to read it."""
    if (is_link or not folder_inside) and not path.resolve().is_relative_to(real_root):
        return None, [Problem(_display_path(path), 1, "refusing a link that points outside the content folder",
                              "unsafe-path")], False
    if is_link and not path.is_file():
        return None, [], False
    return None


def _is_record_name(name: str) -> bool:
    return name.endswith(".md") and not name.startswith(".")


class KeptRecords:
    """The records of the last load, so a load reads again only the files that changed.

    For each kind: the stamp of every file of its folder as it was read, the records by slug,
    the problems by file name, and the names that could not be loaded. Which files changed is
    found by comparing those stamps with the input stamp's, as whole dictionaries; at 10,000
    records, looking each file up was half the loading. In the store they are kept in parts,
    by kind and a hash of the file's name, so an edit rewrites the part holding that file;
    the parts of a kind are merged when loaded.
    """

    RACY = "changed a moment before it was read"  # a stamp that equals no file's: read it again
    PARTS = 16  # of each kind

    def __init__(self, root: Path, shown_root: str, use_store: bool, naming: Naming | None = Naming()) -> None:
        # the records were read with these names: others mean reading them again
        self.shelf = Shelf(place(root, "records") if use_store else None, (shown_root, naming))
        self.shelf.keep(self.shelf.kept)
        self._copied: set[tuple[str, int]] = set()  # parts this load changes: copies of the kept ones
        self._kinds: dict[str, dict] = {kind: self._empty() for kind in RECORD_TYPE_BY_KIND}
        for (kind, _), part in self.shelf.kept.items():
            merged = self._kinds.setdefault(kind, self._empty())
            for part_name in ("stamps", "records", "digests", "problems"):
                merged[part_name].update(part[part_name])
            merged["unloadable"] |= part["unloadable"]

    @staticmethod
    def _empty() -> dict:
        return {"stamps": {}, "records": {}, "digests": {}, "problems": {}, "unloadable": set()}

    def _part(self, kind: str, name: str) -> dict:
        """The part of the store that keeps this file, to change: copied the first time."""
        key = (kind, shard_of(name, self.PARTS))
        if key not in self._copied:
            kept = self.shelf.get(key) or self._empty()
            self.shelf.put(key, {part_name: value.copy() for part_name, value in kept.items()})
            self._copied.add(key)
        return self.shelf.get(key)

    def changed(self, kind: str, files: "FolderFiles | None", inside: bool) -> list[tuple[str, tuple | None]]:
        """(name, stamp now) of the record files of a kind to read again: changed, added, or
        changed a moment ago; files gone are forgotten here. The files of a folder that is (through
        a link) outside the content folder are all checked again, and refused."""
        merged = self._kinds[kind]
        now = files.stamps if files is not None else {}
        if not inside:  # every file is refused again, unread
            for name in list(merged["stamps"]):
                self._forget(kind, name)
        then = merged["stamps"]
        if now == then:
            return []
        for name in then.keys() - now.keys():
            self._forget(kind, name)
        changed = []
        for name, stamp in sorted(now.items() - then.items()):
            if _is_record_name(name):
                changed.append((name, stamp))
            else:  # not a record file: only its stamp is kept
                self.remember(kind, name, stamp, (None, [], False))
        return changed

    def remember(self, kind: str, name: str, stamp: tuple | None, result: tuple[Record | None, list[Problem], bool]) -> None:
        """What reading a file gave (its record or None, its problems, whether it counts as a
        record that could not be loaded), under the stats it had before it was read."""
        record, problems, unloadable = result
        self._forget(kind, name)
        for target in (self._part(kind, name), self._kinds[kind]):
            target["stamps"][name] = stamp if stamp is not None else self.RACY
            if record is not None:
                target["records"][record.slug] = record  # the file's name without .md
                target["digests"][record.slug] = record.origin.digest
            elif unloadable:
                target["unloadable"].add(name)
            if problems:
                target["problems"][name] = tuple(problems)

    def _forget(self, kind: str, name: str) -> None:
        slug = name[:-3] if name.endswith(".md") else None
        for target in (self._part(kind, name), self._kinds[kind]):
            target["stamps"].pop(name, None)
            target["problems"].pop(name, None)
            target["unloadable"].discard(name)
            if slug is not None:
                target["records"].pop(slug, None)
                target["digests"].pop(slug, None)

    def of_kind(self, kind: str) -> tuple[dict[str, Record], dict[str, str], list[Problem], set[str]]:
        """The records of a kind by slug (in no particular order), their digests by slug, every
        problem of its files, and the slugs of the files that could not be loaded."""
        merged = self._kinds[kind]
        problems = [problem for found in merged["problems"].values() for problem in found]
        return merged["records"], merged["digests"], problems, {name[:-3] for name in merged["unloadable"]}


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


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


def parse_record_files(jobs: list[tuple[Path, str, str, Naming | None]]) -> list[tuple[Record | None, list[Problem]]]:
    """Parse (path, shown path, kind, naming) files into (record or None, problems), in order.

    Reading YAML is most of a cold load, so a large batch is parsed on every core;
    the records come back pickled, which costs a tenth of parsing them.
    """
    workers = worker_count()
    if len(jobs) < PARALLEL_PARSE or workers < 2:
        return [_parse_job(job) for job in jobs]
    with mapped_in_workers(_parse_job, jobs, batch=-(-len(jobs) // (workers * 4))) as batches:
        return [result for batch in batches for result in batch]


def _parse_job(job: tuple[Path, str, str, Naming | None]) -> tuple[Record | None, list[Problem]]:
    path, shown, kind, naming = job
    problems: list[Problem] = []
    return load_record(path, shown, RECORD_TYPE_BY_KIND[kind], problems, naming), problems


# Records of one kind mostly share their front matter's layout: one dict per layout (never changed
# once made) rather than one per record, so kept records load with thousands fewer objects.
_KEY_LINES: dict[tuple, dict[str, int]] = {}


def load_record(path: Path, shown: str, record_type: type[Record], problems: list[Problem],
                naming: Naming | None = Naming()) -> Record | None:
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
    values = _convert_fields(record_type, front, shown, problems, naming)
    if len(problems) > found:
        return None
    digest = hashlib.sha1(f"{record_type.kind}/{slug}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
    key_lines = _KEY_LINES.setdefault(tuple(front.key_lines.items()), front.key_lines)
    origin = Origin(path=shown, key_lines=key_lines, body_line=front.body_line, digest=digest)
    if record_type is records.Summit and naming is not None:
        values["folder"] = naming.plural
    return record_type(slug=slug, body=front.body, origin=origin, **values)


def _convert_fields(record_type: type[Record], front: FrontMatter, shown: str, problems: list[Problem],
                    naming: Naming | None = Naming()) -> dict[str, Any]:
    fields = _fields_by_key(record_type, naming)
    values: dict[str, Any] = {}
    for key, value in front.values.items():
        line = front.key_lines.get(key, 1)
        spec = fields.get(key)
        if spec is None:
            problems.append(_unknown_key(shown, line, key, fields))
            continue
        try:
            values[spec.attribute] = spec.convert(value)
        except ValueError as error:
            problems.append(Problem(shown, line, f"{key}: {error}", "invalid-field"))
    for key, spec in fields.items():
        if spec.required and key not in front.values:
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
