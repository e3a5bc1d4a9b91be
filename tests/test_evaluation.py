"""The evaluation harness: pure metric functions (fields, indicator rows, the summary),
and the corpus run `pinggu evaluate corpora` prints."""

from __future__ import annotations

from pathlib import Path

from extractor.areas import area_key
from extractor.evaluation.corpus import evaluate_corpus, gold_pairs, group_of, load_gold
from extractor.evaluation.fields import compare, flatten, norm_text, score_report
from extractor.evaluation.metrics import Counts
from extractor.evaluation.rows import match_rows
from extractor.evaluation.score import score_file
from extractor.evaluation.summary import EvaluationSummary, summarise
from extractor.pdf.guard import Limits
from extractor.pipeline import PipelineOptions
from extractor.records import (
    Cell,
    ExpectedFinding,
    Finding,
    GoldReport,
    IndicatorRow,
    Indicators,
    Location,
    Number,
    Report,
    Scoring,
    Source,
    Text,
)
from tests.conftest import CorpusReports

CORPUS = Path(__file__).resolve().parent.parent / "corpora"


def test_area_labels_share_one_spelling() -> None:
    assert area_key("一片区") == area_key("片区一") == area_key("片区1") == "片区1"
    assert area_key("合计") == "合计"
    assert area_key(None) == ""


def test_normalised_text_ignores_layout_spaces_and_width() -> None:
    assert norm_text("151 号之三 １２") == norm_text("151号之三12")


def test_counts_precision_recall_f1() -> None:
    c = Counts(tp=8, fp=2, fn=0)
    assert (c.precision, c.recall) == (0.8, 1.0)
    assert round(c.f1, 4) == 0.8889
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)


def test_compare_wrong_value_is_both_fp_and_fn() -> None:
    gold = [("meta", "city", "广州市"), ("meta", "district", "荔湾区")]
    pred = [("meta", "city", "广州市"), ("meta", "district", "越秀区"), ("meta", "street", "x")]
    c = compare(gold, pred, normalised=False)["meta"]
    assert (c.tp, c.fp, c.fn) == (1, 2, 1)


def _report(total: float, grade: str) -> Report:
    return Report(
        source=Source(file="a.pdf"),
        scoring=Scoring(total=Number(value=total), grade=Text(value=grade)),
    )


def test_score_report_scoring_exact() -> None:
    gold = _report(86.75, "良好")
    assert score_report(gold, _report(86.75, "良好")).scoring_exact
    assert not score_report(gold, _report(86.57, "良好")).scoring_exact


def test_flatten_keys_are_stable_for_gold_files() -> None:
    gold = GoldReport.model_validate_json(
        (CORPUS / "seed" / "xicun_2024_final.gold.json").read_text(encoding="utf-8")
    )
    keys = [k for _, k, _ in flatten(gold)]
    assert len(keys) == len(set(keys))
    assert "附件1-1/合计/casework/sessions/pct" in keys


def _row(area: str | None, done: str, pct: str, post: str | None = None) -> IndicatorRow:
    return IndicatorRow(
        table="附件1-1",
        area=area,
        post=post,
        indicator="casework",
        label="个案",
        measure="sessions",
        target=Cell(printed="50", value=50),
        done=Cell(printed=done, value=float(done)),
        pct=Cell(printed=pct, value=float(pct.rstrip("%"))),
    )


def test_rows_found_need_scope_and_every_value() -> None:
    gold = [_row("一片区", "40", "80.00%"), _row("合计", "40", "80.00%")]
    # another spelling of the 片区 and another printed precision still match
    assert match_rows(gold, [_row("片区1", "40", "80.0%"), _row("合计", "40", "80%")]).found == 2
    wrong_value = match_rows(gold, [_row("片区一", "41", "80.00%"), _row("合计", "40", "80%")])
    assert (wrong_value.found, wrong_value.missed) == (1, [gold[0]])
    wrong_scope = match_rows(gold, [_row("片区1", "40", "80%", post="东村"), gold[1]])
    assert wrong_scope.found == 1
    # each extracted row is used once
    assert match_rows([gold[0], gold[0]], [gold[0]]).found == 1


def _gold(rows: list[IndicatorRow], expected: list[ExpectedFinding]) -> GoldReport:
    return GoldReport(
        source=Source(file="g.pdf"),
        indicators=Indicators(rows=rows),
        expected_findings=expected,
    )


def test_summary_counts_clean_report_false_alarms_apart_and_groups() -> None:
    stray = Finding(rule="score.sum", severity="error", locations=[Location(ref="scoring/total")])
    row = _row("一片区", "40", "80.00%")
    clean = _gold([row], [])
    dirty = _gold([row], [ExpectedFinding(kind="score_sum", ref="x", printed="1", expected="2")])
    pred = Report(source=Source(file="g.pdf"), indicators=Indicators(rows=[row]), findings=[stray])
    results = [
        score_file(clean, pred, "a"),
        score_file(dirty, pred, "b"),
        score_file(clean, pred, "a"),
    ]
    s = summarise(results, by="family")
    assert (s.findings.fp, s.findings.false_alarms_clean, s.findings.false_alarms_other) == (
        3,
        2,
        1,
    )
    assert (s.findings.clean_reports, s.findings.clean_reports_flagged, s.findings.fn) == (2, 2, 1)
    assert (s.indicator_rows.gold, s.indicator_rows.found) == (3, 3)
    assert s.by is not None and list(s.by.groups) == ["a", "b"]
    assert s.by.groups["a"].reports == 2 and s.by.groups["b"].findings.false_alarms_clean == 0
    again = EvaluationSummary.model_validate_json(s.model_dump_json())
    assert again == s
    assert results[1].mismatches()[-2:] == [
        "findings: missed score_sum at x (printed 1, expected 2)",
        "findings: false alarm score.sum at scoring/total",
    ]


def test_validation_split_and_scans_only_when_asked(tmp_path: Path) -> None:
    folders = (
        "generated",
        "validation",
        "scanned",
        "families/validation",
        "heldout/a",
        "unseen/b",
        "blind/c",
        "sealed/d",
    )
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        for ext in (".pdf", ".gold.json"):
            (tmp_path / folder / f"x_{folder.replace('/', '_')}{ext}").write_text("")

    def names(**kw: bool) -> list[str]:
        return [p.parent.relative_to(tmp_path).as_posix() for p, _ in gold_pairs(tmp_path, **kw)]

    assert names() == ["generated"]
    assert names(include_validation=True) == [
        "blind/c",
        "families/validation",
        "generated",
        "heldout/a",
        "sealed/d",
        "unseen/b",
        "validation",
    ]
    assert "scanned" in names(include_scans=True)
    # pointing at the split itself is asking for it
    assert len(gold_pairs(tmp_path / "validation")) == 1
    assert len(gold_pairs(tmp_path / "heldout")) == 1
    assert len(gold_pairs(tmp_path / "unseen")) == 1
    assert len(gold_pairs(tmp_path / "blind")) == 1
    assert len(gold_pairs(tmp_path / "sealed")) == 1
    gold = GoldReport(source=Source(file="x.pdf"), variant={"family": "f1"})
    pdf = tmp_path / "families" / "validation" / "x.pdf"
    assert group_of(pdf, gold, tmp_path, "folder") == "families/validation"
    assert group_of(pdf, gold, tmp_path, "family") == "f1"
    assert group_of(pdf, gold, tmp_path, "font") == "(none)"


def test_corpus_run_agrees_with_in_process_scores(corpus_reports: CorpusReports) -> None:
    """`evaluate_corpus` (bounded, one fork per PDF, as `pinggu evaluate` runs) scores a
    folder exactly as the per-file tests score the in-process extraction."""
    folder = CORPUS / "handmade"
    run = evaluate_corpus(folder, PipelineOptions(limits=Limits(timeout_s=120)), by="folder")
    assert [r.file for r in run.results] == ["meiling_2023_mid.pdf", "qinghe_2024_final.pdf"]
    again = [
        score_file(load_gold(gold), corpus_reports(pdf), "handmade")
        for pdf, gold in gold_pairs(folder)
    ]
    assert [r.mismatches() for r in run.results] == [r.mismatches() for r in again]
    assert run.summary == summarise(again, by="folder")
    assert run.summary.reports == 2 and run.summary.indicator_rows.gold > 0
