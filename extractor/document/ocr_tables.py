"""Repairs of tables read by OCR that only the table's structure can justify.

A `/` ("not applicable") printed alone in a cell is thin and tall, and recognisers
answer `1`, `l` or `I` for it. A cell holding one of those alone is read as `/` where
the table says a figure cannot stand there: in a percentage column (a percentage is
printed with its %), or in a column group (the columns up to and including a
percentage column: 协议量, 完成量, 百分比) whose percentage is `/`, since a group is not
applicable as a whole. The repaired cell keeps the engine's doubt: its character is
marked doubtful, so a check that fails on it is a warning.
"""

from __future__ import annotations

import re

from extractor.document.model import Table, TableCell

SLASH_LOOKALIKES = frozenset({"1", "l", "I", "|", "丨"})
NOT_APPLICABLE = "/"
_PCT_HEADER = re.compile(r"百分比|完成率|比例|%")
_PCT_VALUE = re.compile(r"^\d+(\.\d+)?\s*[%％]$")


def _is_ocr(table: Table) -> bool:
    return any(c.confidence is not None for c in table.cells)


def _pct_column(table: Table, col: int, body: list[list[TableCell | None]]) -> bool:
    """The header says percentage, or most filled body cells of the column end in %."""
    if col < len(table.columns) and _PCT_HEADER.search(" ".join(table.columns[col])):
        return True
    texts = [r[col].text for r in body if r[col] is not None and r[col].text]  # type: ignore[union-attr]
    return len(texts) >= 2 and sum(1 for t in texts if _PCT_VALUE.match(t)) * 2 > len(texts)


def _slash(cell: TableCell) -> None:
    cell.text = NOT_APPLICABLE
    cell.doubtful = [0]
    if cell.confidence is None or cell.confidence > 0.5:
        cell.confidence = 0.5  # a structural guess, not the engine's reading


def repair_slashes(table: Table) -> int:
    """Read lone 1/l/I as `/` where the table's structure says so; return how many."""
    if not _is_ocr(table):
        return 0
    body = table.body()
    pct_cols = [c for c in range(table.n_cols) if _pct_column(table, c, body)]
    if not pct_cols:
        return 0
    repaired = 0
    for row in body:
        start = 0
        for pc in pct_cols:
            group = [c for c in row[start : pc + 1] if c is not None and c.text]
            start = pc + 1
            pct = row[pc]
            if pct is None:
                continue
            if pct.text in SLASH_LOOKALIKES:
                _slash(pct)
                repaired += 1
            if pct.text != NOT_APPLICABLE:
                continue
            for cell in group:
                if cell is not pct and cell.text in SLASH_LOOKALIKES:
                    _slash(cell)
                    repaired += 1
    return repaired
