"""`--lang zh`: every column header of a table output (check -o, extract -o, export) is
its Chinese label from models/columns.yaml, and every value that names a catalogue entry
(severity, status, party, scope, …) its Chinese; without --lang the ids stay (scripts
read them), and the explanations are Chinese either way."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
from typer.testing import CliRunner

from extractor.cli import app
from extractor.exports.results import Item, check_bytes
from extractor.exports.tables import localised
from extractor.knowledge import column_dictionary
from extractor.rows import Table, Unread
from extractor.store import open_store
from tests.conftest import CorpusReports

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed" / "xicun_2024_final.pdf"
CLEAN = ROOT / "corpora" / "generated" / "gen_000.pdf"
runner = CliRunner()


def _csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_check_csv_in_chinese_and_by_default(corpus_reports: CorpusReports) -> None:
    items: list[Item] = [
        (SEED.name, corpus_reports(SEED), None),
        ("x.pdf", None, Unread("x.pdf: not a PDF", "不是PDF文件", "not a PDF")),
    ]
    zh = _csv(check_bytes(items, "csv", "zh"))
    ids = _csv(check_bytes(items, "csv", None))
    en = _csv(check_bytes(items, "csv", "en"))
    assert zh[0][:8] == ["文件名", "社工服务站", "区", "街道", "年度", "报告类型", "状态", "错误数"]
    wanted = {"规则", "严重程度", "印出值", "重算值", "说明", "可能原因", "无法读取的原因"}
    assert wanted <= set(zh[0])
    assert ids[0][:7] == ["file", "station", "district", "street", "year", "kind", "status"]
    assert en[0] == ids[0]
    z = [dict(zip(zh[0], r, strict=True)) for r in zh[1:]]
    i = [dict(zip(ids[0], r, strict=True)) for r in ids[1:]]
    e = [dict(zip(en[0], r, strict=True)) for r in en[1:]]
    assert len(z) == len(i) == len(corpus_reports(SEED).findings) + 1
    first = next(r for r in z if r["规则"] == "pct.total")
    assert (first["严重程度"], first["状态"], first["印出值"]) == ("错误", "完整", "274.94%")
    assert "274.94%" in first["说明"] and "个案" in first["说明"]
    assert {r["severity"] for r in i} >= {"error", "info"} and i[0]["status"] == "success"
    assert re.search(r"[a-z]{4} [a-z]{4}", e[0]["explanation"])  # English sentences
    assert i[0]["explanation"] == z[0]["说明"]  # Chinese explanations by default
    (broken,) = [r for r in z if r["文件名"] == "x.pdf"]
    assert broken["状态"] == "无法读取" and broken["无法读取的原因"] == "不是PDF文件"


def test_check_xlsx_with_lang_zh_on_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "findings.xlsx"
    res = runner.invoke(app, ["check", str(CLEAN), "-o", str(out), "--lang", "zh"])
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(out)
    rows = list(wb["findings"].iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["文件名"], row["状态"], row["错误数"]) == (CLEAN.name, "完整", 0)
    readme = list(wb["README"].iter_rows(values_only=True))
    assert readme[0] == ("表名", "列", "含义", "行数", "中文列名")
    assert (
        "findings",
        "status",
        column_dictionary().meaning("findings", "status"),
        None,
        "状态",
    ) in readme
    assert runner.invoke(app, ["check", str(CLEAN), "--lang", "fr"]).exit_code == 2


def test_extract_and_export_in_chinese(tmp_path: Path, corpus_reports: CorpusReports) -> None:
    out = tmp_path / "records.xlsx"
    res = runner.invoke(app, ["extract", str(SEED), "-o", str(out), "--lang", "zh"])
    assert res.exit_code == 0, res.output
    ws = openpyxl.load_workbook(out)["indicator_rows"]
    rows = list(ws.iter_rows(values_only=True))
    got = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert {"范围", "指标编号", "计量", "协议量", "完成量", "完成百分比（重算）"} <= set(rows[0])
    wrong = [r for r in got if r["完成百分比（印出）"] == "274.94%"]
    assert wrong and (wrong[0]["范围"], wrong[0]["计量"], wrong[0]["完成百分比（重算）"]) == (
        "合计",
        "节数",
        92.0,
    )
    db = tmp_path / "results.sqlite"
    with open_store(db) as w:
        w.save(corpus_reports(SEED), SEED)
    folder = tmp_path / "pq"
    res = runner.invoke(
        app, ["export", "--db", str(db), "-o", str(folder), "-f", "parquet", "--lang", "zh"]
    )
    assert res.exit_code == 0, res.output
    scores = pq.read_table(folder / "party_scores.parquet")
    assert scores.column_names[:4] == ["报告编号", "文件哈希", "文件名", "社工服务站"]
    parties = scores.column("评分方").to_pylist()
    assert "第三方" in parties and "third_party" not in parties
    field = scores.schema.field("评分方")
    assert field.metadata[b"description"].decode() == column_dictionary().meaning(
        "party_scores", "party"
    )


def test_a_value_without_an_entry_stays_as_read() -> None:
    t = Table("findings", ["severity", "rule", "station"], [("error", "pct.total", "error")])
    shown = localised(t, "zh")
    assert shown.rows == [("错误", "pct.total", "error")]
    assert shown.header == ["严重程度", "规则", "社工服务站"] and shown.columns == t.columns
    assert localised(t, "en") is t and localised(t, None) is t


def test_the_terminal_table_in_chinese() -> None:
    res = runner.invoke(app, ["check", str(CLEAN), "--lang", "zh"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "可核对" in res.output and "未发现不一致" in res.output
    assert "严重程度" in res.output and "checks possible" not in res.output
    res = runner.invoke(app, ["check", str(CLEAN)], env={"COLUMNS": "200"})
    assert "checks possible" in res.output and "no inconsistencies found" in res.output
