"""What `check -o` and `extract -o` write in a tabular or line format: the format from
`-o`'s extension (`extractor.outputs.pick_format`), one row per finding and one per file
that has none or could not be read, each row with the report's file, station, district,
street, year and kind (`extractor.rows`).

A file that could not be read is a row too (status `error`, with the message): in a
sheet of a hundred reports, a clean report and a skipped one must not look alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from extractor.checks import CoverageTotals
from extractor.exports.tables import (
    csv_bytes,
    localised,
    parquet_bytes,
    readme_table,
    write_tables,
    xlsx_bytes,
)
from extractor.knowledge.messages import said_error, say
from extractor.markdown import md_code, md_text
from extractor.outputs import write_atomic
from extractor.pipeline import FileOutcome
from extractor.records import Report
from extractor.redaction import redact
from extractor.rows import IDENTITY, Table, Unread, check_table, identity, report_tables

Item = tuple[str, Report | None, Unread | None]

TABULAR = ("csv", "xlsx", "parquet")
CHECK_FORMATS = ("table", "json", "jsonl", "csv", "xlsx", "parquet", "md", "html")
EXTRACT_FORMATS = ("json", "jsonl", "md", "csv", "xlsx", "parquet")
BINARY = ("xlsx", "parquet")


def items(outcomes: Iterable[FileOutcome], redact_names: bool = False) -> list[Item]:
    """(file name, record or None, why there is none) per outcome, in order."""
    out: list[Item] = []
    for o in outcomes:
        if o.report is not None:
            out.append((o.path.name, redact(o.report) if redact_names else o.report, None))
        elif o.error is not None:
            said, detail = said_error(o.error, o.path.name)
            out.append((o.path.name, None, Unread(str(o.error), said.zh, said.en, detail)))
        else:
            none = say("error.no_record")
            out.append((o.path.name, None, Unread("no record", none.zh, none.en)))
    return out


def _message(error: Unread | None) -> str | None:
    return None if error is None else error.message


def _file_json(name: str, report: Report | None, error: Unread | None) -> dict[str, object]:
    if report is None:
        return {"file": name, "status": "error", "error": _message(error)}
    return identity(report) | {
        "status": report.status,
        "problems": [p.model_dump(exclude_none=True) for p in report.problems],
        "findings": [f.model_dump(exclude_none=True) for f in report.findings],
        "coverage": CoverageTotals.of(report.coverage).as_dict(),
    }


def check_json(results: Sequence[Item], lines: bool = False) -> str:
    """One entry per file: identity, status, problems, findings and coverage (an array,
    or JSON Lines)."""
    data = [_file_json(*i) for i in results]
    if lines:
        return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_MD_COLUMNS = (
    "file",
    "station",
    "status",
    "severity",
    "rule",
    "page",
    "printed",
    "expected",
    "explanation",
    "ruled_out",
    "error",
    "error_detail",
)
# The column of technical detail, set as a code span.
_MD_CODE = ("error_detail",)


def markdown_table(table: Table, columns: Sequence[str]) -> str:
    """A Markdown table of `columns` of `table` under their headers; every cell escaped
    (`extractor.markdown`)."""
    cols = [c for c in columns if c in table.columns]
    at = [table.columns.index(c) for c in cols]
    heads = [md_text(table.header[i]) for i in at]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(cols)]
    for row in table.rows:
        cells = [_md_cell(c, row[i]) for c, i in zip(cols, at, strict=True)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _md_cell(column: str, value: object) -> str:
    if value is None or value == "":
        return ""
    if column in _MD_CODE:
        return md_code(str(value))
    return md_text(str(value))


def check_bytes(results: Sequence[Item], fmt: str, lang: str | None) -> bytes:
    """`check`'s findings in `fmt`: json, jsonl, csv, xlsx, parquet or md. Explanations
    in `lang` (Chinese when None); a table with `lang` zh has Chinese headers and values
    (`localised`), without a `lang` the column ids."""
    if fmt in ("json", "jsonl"):
        return check_json(results, lines=fmt == "jsonl").encode("utf-8")
    table = localised(check_table(results, lang or "zh"), lang)
    if fmt == "csv":
        return csv_bytes(table)
    if fmt == "xlsx":
        return xlsx_bytes([table], readme_table([table], lang=lang))
    if fmt == "parquet":
        return parquet_bytes(table)
    if fmt == "md":
        return markdown_table(table, _MD_COLUMNS).encode("utf-8")
    raise ValueError(f"check writes no {fmt} file")


def extract_tables(results: Sequence[Item], lang: str = "zh") -> list[Table]:
    """Every part of the records as tables (explanations in `lang`); a file that could
    not be read is a row of `reports` with status `error` and its message."""
    tables = report_tables([r for _, r, _ in results if r is not None], lang)
    failed = [
        {"file": name, "status": "error", "error": _message(error)}
        for name, r, error in results
        if r is None
    ]
    if not tables:
        tables = [Table.of("reports", [], (*IDENTITY, "status"))]
    if failed:
        reports = tables[0]
        tables[0] = Table.of("reports", [*reports.dicts(), *failed], reports.columns)
    return tables


def write_extract(
    results: Sequence[Item], target: Path | None, fmt: str, lang: str | None = None
) -> bytes | None:
    """`extract` in a tabular format. xlsx: a workbook of every table; csv or parquet to
    a file (or stdout): the `reports` table, one row per file; to a folder (an existing
    one, or a path without extension): one file per table. With `lang` zh, Chinese
    headers and values (`localised`). Returns the bytes for stdout, None when written."""
    tables = extract_tables(results, lang or "zh")
    if target is not None and fmt != "xlsx" and (target.is_dir() or not target.suffix):
        write_tables(tables, target, fmt, lang)
        return None
    if fmt == "xlsx":
        data = xlsx_bytes([localised(t, lang) for t in tables], readme_table(tables, lang=lang))
    else:
        data = _one(localised(tables[0], lang), fmt)
    if target is None:
        return data
    write_atomic(target, data)
    return None


def _one(table: Table, fmt: str) -> bytes:
    return csv_bytes(table) if fmt == "csv" else parquet_bytes(table)
