"""The checker's message catalogue (models/messages/checks.yaml): every id the rules use
is there and every entry is used; a Chinese audit page holds no English sentence, and an
English one no Chinese except what it quotes from the report."""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path
from typing import get_args

import pytest

from extractor.audit.crops import FindingImages
from extractor.audit.html import _ordered, render_page
from extractor.audit.labels import LABELS
from extractor.checks.registry import RULES
from extractor.evaluation.corpus import gold_pairs
from extractor.knowledge import models_dir, profile
from extractor.knowledge.messages import CATALOGUES, CJK, check_messages
from extractor.knowledge.messages import catalogue as messages_of
from extractor.knowledge.nlp import load_indicators
from extractor.records import Party, Report
from tests.conftest import CorpusReports

ROOT = Path(__file__).resolve().parents[1]
CODE = ROOT / "extractor"
ID = re.compile(r"^(?:rule|family|party|group|measure|part|column|staffing|scope|bands|"
                r"fragment|formula|calc|explain|cause|tolerance|skip|problem|field)"
                r"\.[a-z_.]+$")  # fmt: skip
# Ids built at run time from a value: the value sets they range over are checked below.
BUILT = ("rule.", "family.", "party.", "group.", "measure.", "part.", "column.", "staffing.",
         "formula.", "bands.", "field.")  # fmt: skip


def _literal_ids() -> set[str]:
    """String constants of the code that look like message ids (rule ids left out)."""
    rules = {r.id for r in RULES}
    found: set[str] = set()
    for path in CODE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if ID.match(node.value) and node.value not in rules:
                    found.add(node.value)
    return found


def test_every_literal_id_is_in_the_catalogue_and_every_entry_is_used() -> None:
    catalogue = {k for name in CATALOGUES for k in messages_of(name).messages}
    assert sum(len(messages_of(name).messages) for name in CATALOGUES) == len(catalogue)
    used = _literal_ids()
    assert sorted(used - catalogue) == []
    unused = {k for k in catalogue - used if not k.startswith(BUILT)}
    assert sorted(unused) == []


def test_every_value_an_id_is_built_from_has_its_entry() -> None:
    catalogue = check_messages().messages
    measures = load_indicators(models_dir() / "vocab" / "indicators.yaml").measures
    wanted = (
        {f"rule.{r.id}" for r in RULES}
        | {f"family.{r.family}" for r in RULES}
        | {f"party.{p}" for p in get_args(Party)}
        | {f"group.{g}" for g in ("certified", "uncertified", "all")}
        | {f"measure.{m}" for m in measures}
        | {f"bands.{s}" for s in ("report", "profile", "unknown")}
    )
    assert sorted(wanted - set(catalogue)) == []
    built = {k for k in catalogue if k.startswith(("rule.", "family.", "party.", "measure."))}
    assert sorted(built - wanted) == []  # no entry for a rule or measure that is gone


def test_page_labels_are_in_their_language() -> None:
    assert [v for v in LABELS["en"].values() if CJK.search(v)] == []
    latin = re.compile(r"[A-Za-z]{2,}")
    own = [re.sub(r"\{\w+\}|SHA-256|PDF|Pinggu", "", v) for v in LABELS["zh"].values()]
    assert english_words("OCR 识别存疑") == []
    assert [v for v in own if latin.search(v)] == []


def _visible(page: str) -> str:
    """What a reader sees, identifiers set in <code> (rule ids, refs) left out."""
    page = re.sub(
        r"<style>.*?</style>|<code[^>]*>.*?</code>|<title>.*?</title>", "", page, flags=re.S
    )
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def _page(report: Report, lang: str) -> str:
    findings = _ordered(report.findings)
    return render_page(report, findings, [FindingImages() for _ in findings], lang)  # type: ignore[arg-type]


def english_words(text: str) -> list[str]:
    """Latin words that are not identifiers (file names, hashes, ids carry _ . or digits)
    nor acronyms (PDF, OCR)."""
    tokens = re.findall(r"[A-Za-z][A-Za-z0-9_.+-]+", text)  # one letter: a variable (x)
    return [
        t
        for t in tokens
        if t not in ("Pinggu", "SHA-256")
        and not re.search(r"[_.\d]", t)
        and not re.fullmatch(r"[A-Z]{2,5}", t)
    ]


def _quotable(report: Report) -> str:
    """The report's own text: everything the record holds but what Pinggu says about it,
    plus the words a problem may quote as what it looked for (the profile's wordings of
    the core fields)."""
    plain = report.model_copy(deep=True)
    for f in plain.findings:
        f.explanation_zh = f.explanation_en = ""
        f.cause_zh = f.cause = f.tolerance_zh = f.tolerance = None
    for p in plain.problems:
        p.message_zh = p.message = ""
    for c in plain.coverage:
        c.description_zh = c.description = ""
        for s in c.skipped:
            s.reason_zh = s.reason = ""
    words = profile().core_fields.values()
    return plain.model_dump_json() + "".join(words)


PAIRS = gold_pairs(ROOT / "corpora")


def test_the_check_language_tests_can_fail() -> None:
    assert english_words("总得分 86.75 the total prints 85") == ["the", "total", "prints"]
    assert english_words("xicun_2024_final.pdf · guangzhou_station · Pinggu 0.1.0") == []


@pytest.mark.parametrize(("pdf", "gold"), PAIRS, ids=[p.name for p, _ in PAIRS])
def test_audit_pages_speak_one_language(
    pdf: Path, gold: Path, corpus_reports: CorpusReports
) -> None:
    report = corpus_reports(pdf)
    zh = _visible(_page(report, "zh"))
    assert english_words(zh) == []
    en = _visible(_page(report, "en"))
    quoted = _quotable(report)
    foreign = [run for run in re.findall(r"[^\x00-\x7f\s]*" + CJK.pattern + r"[^\x00-\x7f\s]*", en)]
    assert [run for run in foreign if not _quoted(run, quoted)] == []


def _quoted(run: str, quoted: str) -> bool:
    """The run is text of the report, possibly wrapped in the page's own quote marks."""
    core = run.strip("“”‘’「」()（）:：;；,，.。")
    return not core or core in quoted
