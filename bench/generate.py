"""Write a seeded synthetic briefing for briefing-gen, Hugo and Pelican.

    python bench/generate.py --records 10000 --out bench/work/sites/n10000

writes `briefing/content/` (SPEC's format), `hugo/` (a Hugo site: config,
content sections, taxonomies for people, summits, sources and tags) and
`pelican/` (pelicanconf.py, articles and pages with metadata, a minimal
theme and a cross-reference plugin). The three give the same pages: one per
quote, takeaway, summit, person, source and tag, a list per section and per
tag, the timeline, the home page and a 404 page; events live on the
timeline and figures on the home page, as in briefing-gen.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from records import Briefing, Record, make_briefing  # noqa: E402

BENCH = Path(__file__).resolve().parent
TOOLS = ("briefing", "hugo", "pelican")
STYLESHEET = BENCH.parent / "templates" / "static" / "style.css"
RECORD_PAGE_KINDS = ("quotes", "takeaways", "summits", "people", "sources", "tags")

try:
    YamlDumper = yaml.CSafeDumper
except AttributeError:  # pragma: no cover
    YamlDumper = yaml.SafeDumper


def front_matter(meta: dict, body: str) -> str:
    dumped = yaml.dump(meta, Dumper=YamlDumper, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{dumped}---\n{body}\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# -- briefing-gen -------------------------------------------------------------------

def write_briefing_gen(briefing: Briefing, root: Path) -> None:
    content = root / "content"
    _write(content / "site.yaml", yaml.dump(briefing.settings, Dumper=YamlDumper, sort_keys=False, allow_unicode=True))
    for kind, records in briefing.records.items():
        (content / kind).mkdir(parents=True, exist_ok=True)
        for record in records:
            _write(content / kind / f"{record.slug}.md", front_matter(record.meta, record.body))


# -- Hugo -----------------------------------------------------------------------------

def _full_date(iso: str, fallback: str) -> tuple[str, str]:
    """Hugo and Pelican need a full date: the first day of a partial one, with its precision."""
    if iso == "unknown":
        return _full_date(fallback, fallback)[0], "unknown"
    parts = iso.split("-")
    precision = ("year", "month", "day")[len(parts) - 1]
    return "-".join(parts + ["01"] * (3 - len(parts))), precision


def _hugo_record(record: Record, lookups: dict) -> tuple[str, dict]:
    """(content path, front matter) of one record in the Hugo site."""
    meta = dict(record.meta)
    terms = {"tags": meta.pop("tags", [])}
    kind = record.kind
    if kind == "quotes":
        published = lookups["published"][meta["source"]]
        meta["date"], meta["precision"] = _full_date(meta["said_on"], published)
        meta["title"] = f"{lookups['names'][meta['person']]}: “{' '.join(record.body.split()[:8])}”"
        terms.update(people=[meta["person"]], summits=[meta["summit"]], sources=[meta["source"]])
        return f"quotes/{record.slug}.md", {**meta, **terms}
    if kind == "takeaways":
        meta["date"], meta["precision"] = _full_date(lookups["published"][meta["source"]], "")
        meta["weight"] = meta["order"]
        terms.update(people=meta.get("people", []), summits=[meta["summit"]], sources=[meta["source"]])
        meta.pop("people", None)
        return f"takeaways/{record.slug}.md", {**meta, **terms}
    if kind == "events":
        meta["date"], meta["precision"] = _full_date(meta["date"], "")
        terms.update(summits=[meta["summit"]] if "summit" in meta else [], sources=[meta["source"]])
        return f"timeline/{record.slug}.md", {**meta, **terms, "build": {"render": "never", "list": "always"}}
    if kind == "figures":
        meta["title"] = meta["label"]
        meta["date"], meta["precision"] = _full_date(meta["as_of"], "")
        terms.update(sources=[meta["source"]])
        return f"figures/{record.slug}.md", {**meta, **terms, "build": {"render": "never", "list": "always"}}
    if kind == "people":
        meta["title"] = meta.pop("name")
        meta["spellings"] = meta.pop("aliases")  # `aliases` means redirects to Hugo
        meta["person_kind"] = meta.pop("kind")
    elif kind == "summits":
        meta["compare"] = [{"dimension": key, **cell} for key, cell in meta["compare"].items()]
        meta["date"], meta["precision"] = _full_date(meta["date"], "")
    elif kind == "sources":
        meta["date"], meta["precision"] = _full_date(meta["published"], "")
        meta["original_url"] = meta.pop("url")  # `url` sets the page's own address in Hugo
    return f"{kind}/{record.slug}/_index.md", meta


def _copy_stylesheet(target: Path) -> None:
    """All three sites use briefing-gen's own stylesheet, so they ship the same bytes of CSS."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STYLESHEET, target)


def write_hugo(briefing: Briefing, root: Path) -> None:
    shutil.copytree(BENCH / "hugo", root, dirs_exist_ok=True)
    _copy_stylesheet(root / "static" / "style.css")
    content = root / "content"
    settings = briefing.settings
    _write(root / "hugo.yaml", (BENCH / "hugo" / "hugo.yaml").read_text().replace(
        "__TITLE__", settings["title"]).replace("__BASE_URL__", settings["base_url"]))
    _write(content / "_index.md", front_matter({"title": settings["title"], "headline": settings["headline"],
                                                "description": settings["description"]}, settings["summary"]))
    for section, title in (("quotes", "Quotes"), ("takeaways", "Key takeaways"), ("timeline", "Timeline"),
                           ("people", "People and organisations"), ("summits", "Summits"),
                           ("sources", "Sources"), ("tags", "Tags")):
        _write(content / section / "_index.md", front_matter({"title": title}, ""))
    _write(content / "figures" / "_index.md", front_matter({"title": "Figures", "build": {"render": "never", "list": "never"}}, ""))
    lookups = _lookups(briefing)
    for records in briefing.records.values():
        for record in records:
            path, meta = _hugo_record(record, lookups)
            _write(content / path, front_matter(meta, record.body))


def _lookups(briefing: Briefing) -> dict:
    return {"published": {s.slug: s.meta["published"] for s in briefing.of_kind("sources")},
            "names": {p.slug: p.meta["name"] for p in briefing.of_kind("people")}}


# -- Pelican --------------------------------------------------------------------------

PELICAN_ARTICLES = {"quotes": "quotes", "takeaways": "takeaways", "summits": "summits", "people": "people",
                    "sources": "sources", "events": "timeline"}


def _metadata_line(key: str, value) -> str:
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], dict):
            value = json.dumps(value, ensure_ascii=False)
        else:
            value = ", ".join(str(item) for item in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    return f"{key.capitalize() if key in ('title', 'date', 'category', 'tags', 'slug', 'template') else key}: {value}"


def _pelican_metadata(record: Record, lookups: dict) -> dict:
    meta = dict(record.meta)
    kind = record.kind
    published = lookups["published"].get(meta.get("source", ""), "2020-01-01")
    if kind == "quotes":
        meta["title"] = f"{lookups['names'][meta['person']]}: “{' '.join(record.body.split()[:8])}”"
        meta["date"], meta["precision"] = _full_date(meta["said_on"], published)
        meta["template"] = "quote"
    elif kind == "takeaways":
        meta["date"], meta["precision"] = _full_date(published, "")
        meta["template"] = "takeaway"
    elif kind == "events":
        meta["date"], meta["precision"] = _full_date(meta["date"], "")
        meta["save_as"] = ""  # events live on the timeline
    elif kind == "figures":
        meta["title"] = meta["label"]
        meta["date"], meta["precision"] = _full_date(meta["as_of"], "")
        meta["save_as"] = ""  # figures live on the home page
    elif kind == "people":
        meta["title"] = meta["name"]
        meta["person_kind"] = meta.pop("kind")
        meta["template"] = "person"
    elif kind == "summits":
        meta["date"], meta["precision"] = _full_date(meta["date"], "")
        meta["compare"] = [{"dimension": key, **cell} for key, cell in meta["compare"].items()]
        meta["window"] = json.dumps(meta["window"])
        meta["template"] = "summit"
    elif kind == "sources":
        meta["date"], meta["precision"] = _full_date(meta["published"], "")
        meta["original_url"] = meta.pop("url")  # `url` sets the page's own address in Pelican
        meta["template"] = "source"
    elif kind == "tags":
        meta["save_as"] = ""  # the tag page is Pelican's own, which reads this note
    if kind in PELICAN_ARTICLES:
        meta["category"] = PELICAN_ARTICLES[kind]
    meta["slug"] = record.slug
    return meta


def write_pelican(briefing: Briefing, root: Path) -> None:
    shutil.copytree(BENCH / "pelican", root, dirs_exist_ok=True)
    _copy_stylesheet(root / "theme" / "static" / "style.css")
    settings = briefing.settings
    conf = (BENCH / "pelican" / "pelicanconf.py").read_text()
    _write(root / "pelicanconf.py", conf.replace("__TITLE__", settings["title"]).replace("__BASE_URL__", settings["base_url"]))
    lookups = _lookups(briefing)
    content = root / "content"
    for kind, records in briefing.records.items():
        folder = content / ("tagnotes" if kind == "tags" else kind)
        folder.mkdir(parents=True, exist_ok=True)
        for record in records:
            meta = _pelican_metadata(record, lookups)
            lines = [_metadata_line(key, value) for key, value in meta.items()]
            _write(folder / f"{record.slug}.md", "\n".join(lines) + "\n\n" + record.body + "\n")
    _write(content / "pages" / "home-settings.md",
           f"Title: {settings['title']}\nSlug: home-settings\nsave_as: \nheadline: {settings['headline']}\n\n{settings['summary']}\n")


# -- main -------------------------------------------------------------------------------

def generate(total: int, out: Path, seed: int = 2026, tools: tuple[str, ...] = TOOLS) -> Briefing:
    """Write the synthetic briefing for each tool under out/<tool>/, replacing what was there."""
    briefing = make_briefing(total, seed)
    writers = {"briefing": write_briefing_gen, "hugo": write_hugo, "pelican": write_pelican}
    for tool in tools:
        target = out / tool
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        writers[tool](briefing, target)
    return briefing


def expected_pages(briefing: Briefing) -> int:
    """HTML pages each tool writes: one per record page, 7 section lists, home, timeline... and 404."""
    return sum(len(briefing.of_kind(kind)) for kind in RECORD_PAGE_KINDS) + 9


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, required=True, help="how many records (N >= 20)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write briefing/, hugo/ and pelican/ into")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of briefing,hugo,pelican")
    args = parser.parse_args(argv)
    briefing = generate(args.records, args.out, args.seed, tuple(args.tools.split(",")))
    counts = ", ".join(f"{len(records)} {kind}" for kind, records in briefing.records.items())
    print(f"{briefing.count()} records ({counts}); {expected_pages(briefing)} pages expected -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
