"""A dropped teaser gives no record: no quote, person or event comes from it."""

from __future__ import annotations

from .helpers import ingest, read_records

ARTICLE = """Ferry terminal opens in Kesmark

Mayor Edda Varga opened the new Kesmark ferry terminal on Monday.

“This terminal puts Kesmark back on the map,” Varga said.

More on this topic

Orchard growers count losses after hail

“We lost half the cherries in one night,” union leader Piet Olsen said on Sunday.

Museum night draws record crowds

Visitors queued past midnight on Saturday for the free exhibitions, curator Rosa Lind said.

The Kesmark terminal will run six crossings a day, Varga said.
"""


def test_no_record_comes_from_a_dropped_teaser(tmp_path):
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    content = tmp_path / "content"
    code, _, err = ingest([article], content, published="2024-05-17")
    assert code == 0, err
    [(source, body)] = read_records(content, "sources").values()
    assert "Olsen" not in body and "Museum" not in body and "Lind" not in body
    assert [n["kind"] for n in source["removed"]] == ["teaser"] * 5
    everything = " ".join(str(front) + text for kind in ("quotes", "people", "events", "figures", "takeaways")
                          for front, text in read_records(content, kind).values())
    assert "Olsen" not in everything and "Lind" not in everything and "cherries" not in everything
    assert [front["speaker"] for front, _ in read_records(content, "quotes").values()] == ["Varga"]
