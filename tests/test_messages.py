"""The checker's message catalogue (models/messages/checks.yaml): every id the rules use
is there and every entry is used; a Chinese audit page holds no English sentence, and an
English one no Chinese except what it quotes from the report."""

from __future__ import annotations

import ast
import html
import re
from fractions import Fraction
from pathlib import Path
from typing import get_args

import pytest

from extractor.audit.crops import FindingImages
from extractor.audit.html import _ordered, render_page
from extractor.audit.labels import LABELS
from extractor.checks import check_report
from extractor.checks.registry import RULES
from extractor.checks.scoring import in_band
from extractor.document.build import build_document
from extractor.evaluation.corpus import gold_pairs
from extractor.knowledge import models_dir, profile
from extractor.knowledge.messages import CATALOGUES, CJK, Said, check_messages, say
from extractor.knowledge.messages import catalogue as messages_of
from extractor.knowledge.nlp import load_indicators
from extractor.passes.tables import consistency
from extractor.pipeline import build_report
from extractor.records import Party, Polarity, Report, Scope, Severity, Status
from tests.conftest import CorpusReports

ROOT = Path(__file__).resolve().parents[1]
CODE = ROOT / "extractor"
ID = re.compile(r"^(?:rule|family|party|group|measure|part|column|staffing|scope|bands|"
                r"fragment|formula|calc|explain|cause|tolerance|skip|problem|field|misread|output)"
                r"\.[a-z_.]+$")  # fmt: skip
# Ids built at run time from a value: the value sets they range over are checked below.
BUILT = ("rule.", "family.", "party.", "group.", "measure.", "part.", "column.", "staffing.",
         "formula.", "bands.", "field.", "scope.", "severity.", "status.", "polarity.")  # fmt: skip


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
        | {f"severity.{s}" for s in get_args(Severity)}
        | {f"polarity.{p}" for p in get_args(Polarity)}
        | {f"scope.{s}" for s in get_args(Scope)}
        | {f"status.{s}" for s in (*get_args(Status), "error", "stored", "failed", "pending")}
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
    _one_language_each(corpus_reports(pdf))


def _one_language_each(report: Report) -> tuple[str, str]:
    """The report's Chinese and English pages as read, each asserted to speak one language
    (the English quoting only the report's own text)."""
    zh = _visible(_page(report, "zh"))
    assert english_words(zh) == []
    en = _visible(_page(report, "en"))
    quoted = _quotable(report)
    foreign = [run for run in re.findall(r"[^\x00-\x7f\s]*" + CJK.pattern + r"[^\x00-\x7f\s]*", en)]
    assert [run for run in foreign if not _quoted(run, quoted)] == []
    return zh, en


def _quoted(run: str, quoted: str) -> bool:
    """The run is text of the report, possibly wrapped in the page's own quote marks."""
    core = run.strip("“”‘’「」()（）:：;；,，.。")
    return not core or core in quoted


# A report with 社工点 rows under its 片区 and printed weights and grade bands.
POSTS = ROOT / "corpora" / "families" / "qiaoxin" / "qiaoxin_changle_2023_final.pdf"


def _said_on(pages: tuple[str, str], said: Said) -> bool:
    zh, en = pages
    return said.zh in zh and said.en in en


def test_a_misread_table_is_said_in_one_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The problem of a table read that does not hold together and the 'not checkable'
    reason of its rows, through the real passes and checks: with the trust share set
    above 1 no read of enough relations is trusted."""
    monkeypatch.setattr(consistency, "TRUST_SHARE", 1.01)
    report = build_report(build_document(POSTS))
    problems = [p for p in report.problems if p.code == "problem.table_uncertain"]
    assert problems
    skipped = [s for c in report.coverage for s in c.skipped]
    tables = {r.table for r in report.indicators.rows if r.uncertain}
    reasons = [say("skip.uncertain", table=t) for t in sorted(tables)]
    assert reasons and all(
        Said(r.zh, r.en) in {Said(s.reason_zh, s.reason) for s in skipped} for r in reasons
    )
    pages = _one_language_each(report)
    for p in problems:
        assert _said_on(pages, Said(p.message_zh, p.message))
    assert all(_said_on(pages, r) for r in reasons)


def test_indicator_sums_and_assumed_weights_are_said_in_one_language(
    corpus_reports: CorpusReports,
) -> None:
    """The indicator and scoring messages no development report happens to print: a
    社工点 row that does not add up to its 片区 (scope.post), a 社工点 cell left blank, a
    score above a weight and a grade outside a band that only the profile's defaults
    say (cause.profile_weights, cause.profile_bands)."""
    report = corpus_reports(POSTS).model_copy(deep=True)
    posts = [r for r in report.indicators.rows if r.scope == "post" and not r.uncertain]
    changed = next(r for r in posts if r.done is not None and r.done.value is not None)
    assert changed.done is not None and changed.done.value is not None
    value = changed.done.value + 7
    changed.done = changed.done.model_copy(update={"value": value, "printed": f"{value:g}"})
    blank = next(
        r
        for r in posts
        if r.target is not None and (r.table, r.indicator) != (changed.table, changed.indicator)
    )
    blank.target = None
    sc = report.scoring
    sc.weights_source = sc.bands_source = "profile"
    first = sc.party_scores[0]
    weight = next(w.weight for w in sc.weights if w.party == first.party)
    first.score = first.score.model_copy(
        update={"value": weight + 1.5, "printed": f"{weight + 1.5:.2f}"}
    )
    assert sc.total is not None and sc.grade is not None
    outside = next(b.grade for b in sc.bands if not in_band(Fraction(str(sc.total.value)), b))
    sc.grade = sc.grade.model_copy(update={"value": outside})
    checked = check_report(report)
    report.findings, report.coverage = checked.findings, checked.coverage

    post = say("scope.post")
    sums = [f for f in report.findings if f.rule == "sum.area_total"]
    assert any(post.zh in f.explanation_zh and f" {post.en}" in f.explanation_en for f in sums)
    causes = {f.rule: Said(f.cause_zh or "", f.cause or "") for f in report.findings}
    assert causes["score.cap"] == say("cause.profile_weights")
    assert causes["grade.band"] == say("cause.profile_bands")
    reasons = {Said(s.reason_zh, s.reason) for c in report.coverage for s in c.skipped}
    assert say("skip.area_blank", level=post) in reasons
    pages = _one_language_each(report)
    for said in (
        say("cause.profile_weights"),
        say("cause.profile_bands"),
        say("skip.area_blank", level=post),
    ):
        assert _said_on(pages, said)
