"""Issue 7 on the ingest side: hostile articles never become live markup, random input never
crashes, and no sequence of editor edits and re-ingests loses an edit."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_gen.build import load_and_validate
from briefing_gen.ingest import run_ingest
from conftest import ROOT, run_cli

HOSTILE_PAGE = """<!DOCTYPE html>
<html><head><title>Harbour council votes</title><script>steal()</script></head>
<body>
<nav><a href="/">Home</a></nav>
<article>
<h1>Harbour council votes on the ferry</h1>
<p onclick="steal()">The council of Eastport met on Tuesday <img src=x onerror="steal()"> to vote.</p>
<p>“We will fund the ferry,” said Mayor Anna Brandt. <a href="javascript:steal()">Read more</a></p>
<iframe src="https://tracker.example/frame"></iframe>
<p>She added: “The vote is final.” <script>document.write('x')</script></p>
<p>&lt;script&gt;escaped()&lt;/script&gt; appears as text in this paragraph.</p>
</article>
<footer>Leave a Reply</footer>
</body></html>
"""


def ingest(files: list[Path], content: Path, published: str = "2024-03-14") -> int:
    return run_ingest(files=[str(f) for f in files], published=published, outlet="Test Desk",
                      content_dir=str(content), dry_run=False, out=io.StringIO(), err=io.StringIO())


def live_markup(text: str) -> list[str]:
    lowered = text.lower()
    return [marker for marker in ("<script", "onerror=", "onclick=", "javascript:", "<iframe") if marker in lowered]


def test_hostile_html_never_becomes_live_markup(tmp_path):
    article = tmp_path / "hostile.html"
    article.write_text(HOSTILE_PAGE)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests/fixtures/sites/minimal", content)
    (content / "summits" / "2024-vote.md").write_text(
        '---\ntitle: The 2024 ferry vote\ndate: "2024-03-12"\nplace: Eastport\n'
        'window: {from: "2024-03-01", to: "2024-03-31"}\n---\nThe vote.\n')
    assert ingest([article], content) == 0
    written = [p for p in content.rglob("*.md") if "hostile" in p.read_text() or "Eastport met" in p.read_text()]
    assert written, "the ingest wrote no record for the article"
    for path in content.rglob("*.md"):
        assert live_markup(path.read_text()) == [], path
    out = tmp_path / "site"
    code = run_cli("build", "--content", str(content), "--templates", str(ROOT / "templates"), "--out", str(out), "-q")
    assert code == 0
    source_pages = list((out / "sources").glob("*/index.html"))
    assert any("Eastport met" in page.read_text() for page in source_pages)
    for page in out.rglob("*.html"):
        body = page.read_text().split("<body>", 1)[1]
        without_own_scripts = re.sub(r'<script src="[^"<>]*"></script>', "", body)
        assert live_markup(without_own_scripts) == [], page


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400), kind=st.sampled_from(["txt", "md", "html"]))
def test_random_articles_never_raise(tmp_path_factory, text, kind):
    folder = tmp_path_factory.mktemp("random-article")
    article = folder / f"article.{kind}"
    article.write_text(text, encoding="utf-8", errors="surrogatepass")
    code = ingest([article], folder / "content")
    assert code in (0, 1)


HTML_PIECES = ["<p>", "</p>", "<h2>", "</h2>", "<blockquote>", "</blockquote>", "<script>x()</script>",
               "<nav>menu</nav>", "“", "”", "\"", " said ", " told AFP", "Mayor Anna Brandt", " he ",
               "Leave a Reply", "More on this topic", "1) ", "\n\n", "<br>", "&amp;", "<li>", "on Monday"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(HTML_PIECES) | st.text(max_size=12), max_size=40))
def test_random_html_shaped_articles_never_raise(tmp_path_factory, pieces):
    folder = tmp_path_factory.mktemp("random-html")
    article = folder / "article.html"
    article.write_text("<html><body><article>" + "".join(pieces) + "</article></body></html>",
                       encoding="utf-8", errors="surrogatepass")
    content = folder / "content"
    assert ingest([article], content) in (0, 1)
    _, problems = load_and_validate(content)
    assert all(problem.line >= 1 for problem in problems)


ARTICLE = """Harbour deal signed

Mayor Anna Brandt signed the ferry deal on Tuesday.

“This is a good day for Eastport,” Brandt said.

The deal costs 12 million euros, the council said.

“We waited four years,” said Tomas Okafor, the mayor of Westhaven.
"""


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["append", "rewrite", "delete", "reingest"]), st.integers(0, 50)),
                      min_size=1, max_size=6))
def test_no_edit_is_ever_lost(tmp_path_factory, steps):
    folder = tmp_path_factory.mktemp("edits")
    article = folder / "harbour.txt"
    article.write_text(ARTICLE)
    content = folder / "content"
    assert ingest([article], content) == 0
    edits: dict[Path, str] = {}
    for action, pick in steps:
        records = sorted(p for p in content.rglob("*.md"))
        if action == "reingest" or not records:
            assert ingest([article], content) == 0
        else:
            path = records[pick % len(records)]
            if action == "delete":
                if path in edits:
                    continue
                path.unlink()
                edits[path] = None
            else:
                text = path.read_text() + f"\nEditor note {pick}.\n" if action == "append" \
                    else path.read_text().replace("---\n", "---\n# reviewed by the desk\n", 1)
                path.write_text(text)
                edits[path] = text
        for edited, text in edits.items():
            if text is None:
                assert not edited.exists(), f"{edited.name}: a deleted record came back after {action}"
            else:
                assert edited.read_text() == text, f"{edited.name}: an edit was lost after {action}"


def test_a_package_missing_from_the_venv_is_a_clear_message_not_a_traceback(tmp_path):
    # a checkout pulled after a dependency was added, run without `make`
    article = tmp_path / "note.txt"
    article.write_text("Ana Kell opened the pier on Monday.\n", encoding="utf-8")
    code = ("import sys; sys.modules['nameparser'] = None; from briefing_gen.cli import main; "
            f"main(['ingest', '--dry-run', '--published', '2024-03-07', {str(article)!r}])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1
    assert "'nameparser' is not installed here; run `make`" in run.stderr and "Traceback" not in run.stderr
