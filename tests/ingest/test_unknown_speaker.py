"""A quote with no named speaker points to people/unknown.md, so what ingest writes validates;
an unnamed speaker keeps its description; the editor's own placeholder is never replaced."""

from __future__ import annotations

from briefing_gen.content import load_content
from briefing_gen.validate import validate

from .helpers import ingest, read_records

ARTICLE = """Queues at the ferry

"We waited two hours," said one passenger at the pier.

The ferry was late again, officials said. "Nobody told us why."
"""


def test_unknown_and_described_speakers_point_to_the_placeholder(tmp_path):
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    content = tmp_path / "content"
    code, _, err = ingest([article], content, published="2025-06-14")
    assert code == 0, err
    quotes = {body: front for front, body in read_records(content, "quotes").values()}
    assert quotes["We waited two hours,"]["speaker"] == "one passenger at the pier"
    assert quotes["We waited two hours,"]["person"] == "unknown"
    assert quotes["Nobody told us why."]["speaker"] == "unknown"
    assert quotes["Nobody told us why."]["person"] == "unknown"
    people = read_records(content, "people")
    assert list(people) == ["unknown"] and people["unknown"][0]["name"] == "Unknown speaker"
    loaded, problems = load_content(content)
    problems += validate(loaded)
    assert not [p for p in problems if "person" in p.message or "alias" in p.message], problems


def test_the_editors_placeholder_is_kept(tmp_path):
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    content = tmp_path / "content"
    (content / "people").mkdir(parents=True)
    mine = "---\nname: Speaker not named\naliases: []\n---\nOur own words.\n"
    (content / "people" / "unknown.md").write_text(mine, encoding="utf-8")
    ingest([article], content, published="2025-06-14")
    assert (content / "people" / "unknown.md").read_text(encoding="utf-8") == mine
