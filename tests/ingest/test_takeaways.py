"""Takeaways: numbered sections, headings, key-takeaway lists, else lede drafts."""

from __future__ import annotations

from briefing_gen.ingest.takeaways import find_takeaways


def summary(paragraphs):
    return [(t.title, t.order, t.paragraphs, t.draft) for t in find_takeaways(paragraphs)]


def test_numbered_sections_span_until_the_next_heading():
    paragraphs = ["Intro.", "Here are the key takeaways…", "1) Military cooperation", "Text one.", "More one.",
                  "Speaking of…", "2) A North Korean in space?", "Text two.", "3) “A great win”", "Text three.",
                  "So what’s the verdict?", "Verdict text."]
    assert summary(paragraphs) == [
        ("Military cooperation", 1, (3, 4, 5, 6), False),  # "Speaking of…" is a transition, not a heading
        ("A North Korean in space?", 2, (7, 8), False),
        ("A great win", 3, (9, 10), False),
        ("So what’s the verdict?", 4, (11, 12), False),
    ]


def test_markdown_headings():
    paragraphs = ["Lede text here.", "## First part", "Body.", "### Second part", "Body two.", "Body three."]
    assert summary(paragraphs) == [("First part", 1, (2, 3), False), ("Second part", 2, (4, 5, 6), False)]


def test_key_takeaways_list():
    paragraphs = ["Lede.", "Key takeaways:", "- Prices rose sharply in May.", "- Wages did not follow.", "Body text goes on."]
    assert summary(paragraphs) == [("Prices rose sharply in May", 1, (3,), False), ("Wages did not follow", 2, (4,), False)]


def test_unstructured_article_gives_lede_drafts():
    paragraphs = ["This summit was quite different in many ways from the meeting four years ago.",
                  "“A quote paragraph is not a takeaway,” he said.",
                  "There were clear signs that the host was paying attention to its guest.",
                  "Short line.",
                  "The assessment is that this reflects the situation of the host country now.",
                  "A fourth statement paragraph that is not used as a draft at all."]
    assert [(t.paragraphs, t.draft) for t in find_takeaways(paragraphs)] == [((1,), True), ((3,), True), ((5,), True)]


def test_a_single_numbered_line_is_not_a_structure():
    paragraphs = ["The plan has 3 parts and many details that matter.", "1) One thing only", "Text follows here for sure."]
    assert all(t.draft for t in find_takeaways(paragraphs))


def test_numbered_markdown_headings_lose_their_number():
    paragraphs = ["Lede text here.", "## 1) First part", "Body.", "## 2) “Second part”", "Body two."]
    assert [t.title for t in find_takeaways(paragraphs)] == ["First part", "Second part"]
