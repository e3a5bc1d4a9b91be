"""`check -o` and `extract -o`: the extension picks the format (or --format, which must
agree); every row says which report it is about; every file is a row, the clean one
and the unreadable one included."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
from typer.testing import CliRunner

from extractor.cli import app
from extractor.knowledge.messages import say
from tests.conftest import CorpusReports

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed" / "xicun_2024_final.pdf"
CLEAN = ROOT / "corpora" / "generated" / "gen_000.pdf"  # variant error: none
NOT_PDF = ROOT / "README.md"
IDENTITY = ["file", "station", "district", "street", "year", "kind"]
runner = CliRunner()


def sheet(path: Path, name: str) -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(path)[name]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_check_xlsx_has_a_row_for_every_file(tmp_path: Path, corpus_reports: CorpusReports) -> None:
    out = tmp_path / "findings.xlsx"
    res = runner.invoke(app, ["check", str(SEED), str(CLEAN), str(NOT_PDF), "-o", str(out)])
    assert res.exit_code == 3  # the worst file's code: README.md is not a PDF
    assert openpyxl.load_workbook(out).sheetnames == ["README", "findings"]
    rows = sheet(out, "findings")
    assert list(rows[0])[:6] == IDENTITY
    seed = [r for r in rows if r["file"] == SEED.name]
    want = corpus_reports(SEED).findings
    assert [(r["rule"], r["page"]) for r in seed] == [(f.rule, f.locations[0].page) for f in want]
    assert {(r["station"], r["district"], r["year"], r["kind"]) for r in seed} == {
        ("广州市西村街社工服务站", "荔湾区", 2024, "末期")
    }
    assert seed[0]["errors"] == sum(f.severity == "error" for f in want)
    (clean,) = [r for r in rows if r["file"] == CLEAN.name]
    assert clean["status"] == "success" and clean["errors"] == 0 and clean["rule"] is None
    assert isinstance(clean["checks_run"], int) and clean["checks_run"] > 100
    (bad,) = [r for r in rows if r["file"] == NOT_PDF.name]
    assert bad["status"] == "error" and bad["error"] == say("error.not_a_pdf", file=NOT_PDF.name).zh


def test_check_csv_json_jsonl_md_and_html(tmp_path: Path) -> None:
    res = runner.invoke(app, ["check", str(CLEAN), "-f", "csv"])
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout.removeprefix("\ufeff"))))
    assert res.stdout.startswith("\ufeff") and len(rows) == 1 and rows[0]["status"] == "success"
    out = tmp_path / "f.jsonl"
    assert runner.invoke(app, ["check", str(SEED), str(CLEAN), "-o", str(out)]).exit_code == 1
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["file"] for x in lines] == [SEED.name, CLEAN.name]
    assert lines[0]["district"] == "荔湾区" and lines[1]["findings"] == []
    md = tmp_path / "f.md"
    assert runner.invoke(app, ["check", str(SEED), "-o", str(md), "--lang", "en"]).exit_code == 1
    assert md.read_text(encoding="utf-8").count("| pct.total |") == 1
    page = tmp_path / "seed.html"
    assert runner.invoke(app, ["check", str(SEED), "-o", str(page)]).exit_code == 1
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_format_must_agree_and_binary_needs_a_file(tmp_path: Path) -> None:
    res = runner.invoke(app, ["check", str(SEED), "-o", str(tmp_path / "x.csv"), "-f", "json"])
    assert res.exit_code == 2 and "disagrees" in res.output
    assert runner.invoke(app, ["extract", str(SEED), "-f", "xlsx"]).exit_code == 2
    res = runner.invoke(app, ["check", str(SEED), "-o", str(tmp_path / "x.txt")])
    assert res.exit_code == 2 and "give --format" in res.output
    assert not list(tmp_path.iterdir())  # refused before parsing, nothing written


def test_extract_xlsx_holds_every_part_of_the_records(
    tmp_path: Path, corpus_reports: CorpusReports
) -> None:
    out = tmp_path / "records.xlsx"
    res = runner.invoke(app, ["extract", str(SEED), str(CLEAN), "-o", str(out), "--redact-names"])
    assert res.exit_code == 0, res.output
    reports = [corpus_reports(SEED), corpus_reports(CLEAN)]
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["README", "reports", "findings"]
    assert len(sheet(out, "indicator_rows")) == sum(len(r.indicators.rows) for r in reports)
    roster = sheet(out, "roster")
    assert len(roster) == sum(len(r.staffing.roster) for r in reports)
    assert all(str(r["name"]).startswith("某某") for r in roster)
    summary = sheet(out, "reports")
    assert [(r["file"], r["total"]) for r in summary] == [
        (r.source.file, r.scoring.total.value if r.scoring.total else None) for r in reports
    ]
    rows = sheet(out, "indicator_rows")
    wrong = [r for r in rows if r["pct_printed"] == "274.94%"]
    assert wrong and wrong[0]["pct_recomputed"] == 92.0 and wrong[0]["district"] == "荔湾区"


def test_extract_csv_and_parquet(tmp_path: Path, corpus_reports: CorpusReports) -> None:
    out = tmp_path / "reports.csv"
    res = runner.invoke(app, ["extract", str(SEED), str(NOT_PDF), "-o", str(out)])
    assert res.exit_code == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["file"], r["status"]) for r in rows] == [
        (SEED.name, "success"),
        (NOT_PDF.name, "error"),
    ]
    folder = tmp_path / "tables"
    res = runner.invoke(app, ["extract", str(SEED), "-o", str(folder), "-f", "parquet"])
    assert res.exit_code == 0
    t = pq.read_table(folder / "indicator_rows.parquet")
    report = corpus_reports(SEED)
    assert t.num_rows == len(report.indicators.rows)
    assert t.column("done").to_pylist() == [
        r.done.value if r.done else None for r in report.indicators.rows
    ]
    assert (folder / "README.csv").exists()
