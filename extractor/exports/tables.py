"""Tables written for spreadsheets and data tools: an Excel workbook (one sheet per table
and a README sheet of column meanings), Parquet files, or CSV files Excel opens.

Numbers stay numbers (a sheet sums them, Parquet types them); text read from a PDF stays
text: a cell that starts like a formula is written as a string in a workbook and
prefixed with an apostrophe in a CSV, so a report cannot run a formula on whoever opens
its export. CSV is UTF-8 with a byte-order mark: without it, Excel in a Chinese locale
reads the file as GBK and shows 合计 as mojibake.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from extractor.errors import MissingDependencyError
from extractor.knowledge import ColumnDictionary, column_dictionary
from extractor.knowledge.messages import say
from extractor.outputs import write_atomic
from extractor.rows import Table

README = "README"
_MAX_WIDTH = 60
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d")


def readme_table(
    tables: Sequence[Table], dictionary: ColumnDictionary | None = None, lang: str | None = None
) -> Table:
    """One row per table and column: what it holds (models/columns.yaml); with `lang`
    zh, also the header the column shows (its Chinese label)."""
    d = dictionary or column_dictionary()
    zh = lang == "zh"
    rows: list[tuple[Any, ...]] = []
    for t in tables:
        rows.append((t.name, "", d.description(t.name), len(t.rows), *([""] if zh else [])))
        rows.extend(
            (t.name, c, d.meaning(t.name, c), None, *([d.header(c, "zh")] if zh else []))
            for c in t.columns
        )
    columns = ["table_name", "column", "meaning", "rows", *(["header"] if zh else [])]
    return localised(Table(README, columns, rows), lang, d)


def _said(key: str) -> str | None:
    try:
        return say(key).zh
    except KeyError:
        return None


def localised(table: Table, lang: str | None, dictionary: ColumnDictionary | None = None) -> Table:
    """`table` as a reader of `lang` sees it: for zh, every header its Chinese label and
    every value that names a catalogue entry (a severity, status, party, …; columns.yaml
    `values`) that entry's Chinese; the column ids stay for lookups. Other languages, or
    none, leave it as it is."""
    if lang != "zh":
        return table
    d = dictionary or column_dictionary()
    at = {i: d.values[c] for i, c in enumerate(table.columns) if c in d.values}
    names: dict[tuple[int, Any], Any] = {}
    rows = []
    for row in table.rows:
        out = list(row)
        for i, prefix in at.items():
            v = row[i]
            if isinstance(v, str):
                if (i, v) not in names:
                    names[(i, v)] = _said(f"{prefix}.{v}") or v
                out[i] = names[(i, v)]
        rows.append(tuple(out))
    headers = [d.header(c, "zh") for c in table.columns]
    return Table(table.name, table.columns, rows, headers)


def _width(value: Any) -> int:
    """Display width of a cell: CJK characters take two columns."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _plain(value: Any) -> Any:
    """Text without the control characters a workbook cannot hold."""
    if isinstance(value, str):
        return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value)
    return value


def xlsx_bytes(tables: Sequence[Table], readme: Table | None = None) -> bytes:
    """A workbook: the README sheet first, then one sheet per table, each with a bold,
    frozen header row, a filter, and columns as wide as their content (up to 60)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError as exc:
        raise MissingDependencyError("Excel output", "xlsx", str(exc)) from None
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for t in [readme or readme_table(tables), *tables]:
        ws = wb.create_sheet(t.name[:31])
        ws.append(t.header)
        for cell in ws[1]:
            cell.font = bold
        widths = [_width(c) for c in t.header]
        for r, row in enumerate(t.rows, start=2):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c, value=_plain(value))
                if cell.data_type == "f":  # text from a PDF, never a formula
                    cell.data_type = "s"
                widths[c - 1] = max(widths[c - 1], _width(value))
        for c, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = min(w + 2, _MAX_WIDTH)
        ws.freeze_panes = "A2"
        if t.columns:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(t.columns))}{max(len(t.rows) + 1, 1)}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a byte-order mark, a header row, formula-like text defused."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(table.header)
    for row in table.rows:
        w.writerow([_csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def _arrow_column(values: list[Any]) -> Any:
    """A column as pyarrow infers it; a column that mixes text with numbers (SQLite
    allows it) becomes text."""
    import pyarrow as pa

    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else str(v) for v in values], type=pa.string())


def parquet_bytes(table: Table, dictionary: ColumnDictionary | None = None) -> bytes:
    """One Parquet file; each field's metadata holds its meaning (`description`)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingDependencyError("Parquet output", "parquet", str(exc)) from None
    d = dictionary or column_dictionary()
    columns = list(zip(*table.rows, strict=True)) if table.rows else [()] * len(table.columns)
    arrays = [_arrow_column(list(col)) for col in columns]
    fields = [
        pa.field(header, arr.type, metadata={"description": d.meaning(table.name, name)})
        for header, name, arr in zip(table.header, table.columns, arrays, strict=True)
    ]
    data = pa.Table.from_arrays(arrays, schema=pa.schema(fields))
    buf = io.BytesIO()
    pq.write_table(data, buf)
    return buf.getvalue()


def table_bytes(table: Table, fmt: str) -> bytes:
    """One table as a file of its own: csv or parquet (or xlsx, with its README sheet)."""
    if fmt == "csv":
        return csv_bytes(table)
    if fmt == "parquet":
        return parquet_bytes(table)
    return xlsx_bytes([table])


def write_tables(
    tables: Sequence[Table], out: Path, fmt: str, lang: str | None = None
) -> list[Path]:
    """`xlsx`: one workbook at `out`. `csv` / `parquet`: the folder `out` with one file
    per table and README.csv (the column meanings). With `lang` zh, headers and named
    values in Chinese (`localised`). Each file is written atomically; returns the paths
    written."""
    readme = readme_table(tables, lang=lang)
    shown = [localised(t, lang) for t in tables]
    if fmt == "xlsx":
        write_atomic(out, xlsx_bytes(shown, readme))
        return [out]
    written = []
    for t in shown:
        path = out / f"{t.name}.{fmt}"
        write_atomic(path, table_bytes(t, fmt))
        written.append(path)
    readme_path = out / f"{README}.csv"
    write_atomic(readme_path, csv_bytes(readme))
    return [*written, readme_path]
