"""`pinggu export` and the tabular writers: the workbook, the Parquet files and the CSV
files hold every table of the store, row for row and value for value, with a README of
column meanings; formula-like text stays text; names can be redacted."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pyarrow.parquet as pq
import pytest

from extractor.exports.tables import csv_bytes, xlsx_bytes
from extractor.knowledge import column_dictionary
from extractor.outputs import pick_format
from extractor.rows import Table, Unread, check_table, report_tables
from extractor.store import open_store, read_store
from tests.conftest import CorpusReports

ROOT = Path(__file__).resolve().parents[1]
PDFS = [ROOT / "corpora/seed/xicun_2024_final.pdf", ROOT / "corpora/generated/gen_000.pdf"]
IDENTITY = ["file", "station", "district", "street", "year", "kind"]


def pinggu(*args: str) -> subprocess.CompletedProcess[str]:
    code = "from extractor.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT
    )


@pytest.fixture(scope="module")
def store_db(corpus_reports: CorpusReports, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "results.sqlite"
    with open_store(db) as w:
        for pdf in PDFS:
            w.save(corpus_reports(pdf), pdf)
    return db


def store_rows(db: Path, name: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    with sqlite3.connect(db) as conn:
        cur = conn.execute(f"SELECT * FROM {name}")
        columns = [d[0] for d in cur.description]
        return columns, cur.fetchall()


def object_names(db: Path) -> list[str]:
    """The tables and views an export writes: all but `records` (only the JSON blob)."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT IN ('schema_version', 'records') ORDER BY type = 'view', rowid"
        )
        return [r[0] for r in rows]


def test_xlsx_holds_every_table_row_for_row(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.xlsx"
    res = pinggu("export", "--db", str(store_db), "-o", str(out))
    assert res.returncode == 0, res.stderr
    wb = openpyxl.load_workbook(out)
    names = object_names(store_db)
    assert wb.sheetnames == ["README", *names]
    for name in names:
        ws = wb[name]
        header = [c.value for c in ws[1]]
        columns, rows = store_rows(store_db, name)
        kept = [c for c in columns if c not in ("record", "raw_path")]
        assert [c for c in header if c in columns] == kept
        assert ws.max_row - 1 == len(rows), name
        assert ws.freeze_panes == "A2"
        got = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(2, values_only=True)]
        for row, sheet_row in zip(rows, got, strict=True):
            want = dict(zip(columns, row, strict=True))
            assert {c: sheet_row[c] for c in kept} == {c: want[c] for c in kept}, name
        if "sha256" in columns:  # every report row says which report it is about
            assert set(IDENTITY) <= set(header)
    ws = wb["reports"]
    header = [c.value for c in ws[1]]
    total = ws.cell(row=2, column=header.index("total") + 1)
    assert total.data_type == "n" and isinstance(total.value, float)
    assert ws.column_dimensions["B"].width > 8  # widths set from the content
    findings = wb["findings"]
    header = [c.value for c in findings[1]]
    stations = {r[header.index("station")] for r in findings.iter_rows(2, values_only=True)}
    assert "广州市西村街社工服务站" in stations


def test_readme_sheet_says_what_every_column_means(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    assert pinggu("export", "--db", str(store_db), "-o", str(out)).returncode == 0
    readme = list(openpyxl.load_workbook(out)["README"].iter_rows(2, values_only=True))
    described = {(t, c) for t, c, meaning, _ in readme if c and meaning}
    for name in object_names(store_db):
        columns, rows = store_rows(store_db, name)
        for c in columns:
            if c not in ("record", "raw_path"):
                assert (name, c) in described
        assert (name, None, column_dictionary().description(name), len(rows)) in readme


def test_every_column_of_every_output_has_a_meaning(
    store_db: Path, corpus_reports: CorpusReports
) -> None:
    """models/columns.yaml cannot drift from the store, the frames or check's table."""
    d = column_dictionary()
    with read_store(store_db) as store:
        tables = store.tables()
    reports = [corpus_reports(p) for p in PDFS]
    tables += report_tables(reports)
    tables.append(check_table([(r.source.file, r, None) for r in reports]))
    tables.append(check_table([("x.pdf", None, Unread("x.pdf: broken", "坏", "broken", "why"))]))
    missing = [f"{t.name}.{c}" for t in tables for c in t.columns if not d.meaning(t.name, c)]
    assert missing == []
    assert all(d.description(t.name) for t in tables)


def test_parquet_files_hold_every_table(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    res = pinggu("export", "--db", str(store_db), "-o", str(out), "--format", "parquet")
    assert res.returncode == 0, res.stderr
    for name in object_names(store_db):
        t = pq.read_table(out / f"{name}.parquet")
        columns, rows = store_rows(store_db, name)
        assert t.num_rows == len(rows)
        data = t.to_pylist()
        for c in columns:
            if c in ("record", "raw_path"):
                assert c not in t.column_names
                continue
            assert [r[c] for r in data] == [dict(zip(columns, r, strict=True))[c] for r in rows]
    schema = pq.read_schema(out / "indicator_rows.parquet")
    assert str(schema.field("done").type) == "double"
    assert schema.field("done").metadata[b"description"].decode().startswith("完成量")
    assert (out / "README.csv").exists()


def test_csv_files_open_in_excel(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    assert pinggu("export", "--db", str(store_db), "-o", str(out)).returncode == 0
    raw = (out / "indicator_rows.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) - 1 == len(store_rows(store_db, "indicator_rows")[1])
    assert "合计" in {r[rows[0].index("area")] for r in rows[1:]}


def test_redacted_export_holds_no_staff_name(corpus_reports: CorpusReports, tmp_path: Path) -> None:
    report = corpus_reports(PDFS[0]).model_copy(deep=True)
    name = report.staffing.roster[0].name
    report.findings[0].explanation_zh += f"（{name}）"  # as a roster rule would quote it
    db = tmp_path / "s.sqlite"
    with open_store(db) as w:
        w.save(report, PDFS[0])
    plain, redacted = tmp_path / "plain.xlsx", tmp_path / "redacted.xlsx"
    assert pinggu("export", "--db", str(db), "-o", str(plain)).returncode == 0
    res = pinggu("export", "--db", str(db), "-o", str(redacted), "--redact-names")
    assert res.returncode == 0, res.stderr

    def cells(path: Path) -> str:
        wb = openpyxl.load_workbook(path)
        return "\n".join(
            str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v
        )

    assert name in cells(plain)
    assert name not in cells(redacted) and "（某某1）" in cells(redacted)


def test_formula_like_text_stays_text() -> None:
    t = Table("t", ["text", "n"], [("=HYPERLINK(1)", 1), ("-5", -5), ("+ 合计", 2.5)])
    ws = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([t])))["t"]
    assert [(c.value, c.data_type) for c in ws[2]] == [("=HYPERLINK(1)", "s"), (1, "n")]
    rows = list(csv.reader(io.StringIO(csv_bytes(t).decode("utf-8-sig"))))
    assert rows[1:] == [["'=HYPERLINK(1)", "1"], ["-5", "-5"], ["'+ 合计", "2.5"]]


def test_the_format_comes_from_the_extension_or_must_agree(tmp_path: Path) -> None:
    allowed = ("json", "csv", "xlsx", "parquet")
    assert pick_format(Path("a.XLSX"), None, allowed, "json") == "xlsx"
    assert pick_format(Path("a.csv"), "csv", allowed, "json") == "csv"
    assert pick_format(None, None, allowed, "json") == "json"
    assert pick_format(tmp_path, "parquet", allowed, "json") == "parquet"
    with pytest.raises(ValueError, match="disagrees"):
        pick_format(Path("a.csv"), "xlsx", allowed, "json")
    with pytest.raises(ValueError, match="not one of"):
        pick_format(Path("a.md"), None, allowed, "json")


def test_export_refuses_what_it_cannot_do(store_db: Path, tmp_path: Path) -> None:
    res = pinggu("export", "--db", str(tmp_path / "none.sqlite"), "-o", str(tmp_path / "x.xlsx"))
    assert res.returncode == 2 and "no such store" in res.stderr
    assert not (tmp_path / "x.xlsx").exists()
    res = pinggu("export", "--db", str(store_db), "-o", str(tmp_path / "x.csv"))
    assert res.returncode == 2 and "give -o a folder" in res.stderr
