"""Repairs of tables read by OCR that the table's structure or vocabulary justify.

Header cells and row labels are words from a known vocabulary (models/vocab: indicator
names, column sub-headers, 合计/小计): a cell one character off such a word, where that
character was read with low confidence (or the word is long enough that one character
cannot make another word of the list), is read as the word (合记 → 合计).

A `/` ("not applicable") printed alone in a cell is thin and tall, and recognisers
answer `1`, `l` or `I` for it. A cell holding one of those alone is read as `/` where
the table says a figure cannot stand there: in a percentage column (a percentage is
printed with its %), or in a column group (the columns up to and including a
percentage column: 协议量, 完成量, 百分比) whose percentage is `/`, since a group is not
applicable as a whole. The repaired cell keeps the engine's doubt: its character is
marked doubtful, so a check that fails on it is a warning.

A `√` printed alone in a cell is read as `V`, `v` or `✓` as often as `√`. In a table
whose body holds `√` read as such (a roster's monthly marks), a cell holding one of those
alone is read as `√`, doubtful as above; a table with no `√` keeps its letters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.document.model import Table, TableCell
from extractor.records import OCR_DOUBT

SLASH_LOOKALIKES = frozenset({"1", "l", "I", "|", "丨"})
NOT_APPLICABLE = "/"
TICK = "√"
TICK_LOOKALIKES = frozenset({"V", "v", "✓", "✔", "ν", "Ⅴ", "ⅴ"})
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


def _structural(cell: TableCell, text: str = NOT_APPLICABLE) -> None:
    cell.text = text
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
                _structural(pct)
                repaired += 1
            if pct.text != NOT_APPLICABLE:
                continue
            for cell in group:
                if cell is not pct and cell.text in SLASH_LOOKALIKES:
                    _structural(cell)
                    repaired += 1
    return repaired


def repair_ticks(table: Table) -> int:
    """Read a lone V/v/✓ as `√` in a table whose body has `√`; return how many."""
    if not _is_ocr(table):
        return 0
    cells = [c for row in table.body() for c in row if c is not None]
    if not any(c.text.strip() == TICK for c in cells):
        return 0
    repaired = 0
    for cell in cells:
        if cell.text.strip() in TICK_LOOKALIKES:
            _structural(cell, TICK)
            repaired += 1
    return repaired


SURE_LENGTH = 4  # a word this long is snapped one character off even when read surely


def _snap(cell: TableCell, words: Sequence[str]) -> bool:
    text = "".join(cell.text.split())
    if not text or text in words or any(ch.isdigit() for ch in text):
        return False
    # Here: only a table read by OCR gets this far, so a text PDF's parse (and every
    # command's start-up) never imports rapidfuzz; a scan's child, which imports the
    # OCR engine anyway, imports it in a few milliseconds.
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    best = process.extractOne(text, words, scorer=Levenshtein.distance, score_cutoff=1)
    if best is None:
        return False
    word = best[0]
    if len(word) != len(text):
        return False  # an insertion or deletion: no character to blame
    (at,) = [i for i, (a, b) in enumerate(zip(text, word, strict=True)) if a != b]
    offsets = [i for i, ch in enumerate(cell.text) if not ch.isspace()]  # text → cell.text
    doubtful = offsets[at] in (cell.doubtful or [])
    if len(word) < SURE_LENGTH and not doubtful:
        return False
    cell.text = word
    cell.doubtful = [at]
    cell.confidence = min(cell.confidence or 1.0, OCR_DOUBT / 2)
    return True


def snap_labels(table: Table, words: Sequence[str]) -> int:
    """Header cells and first-column labels snapped to `words`; return how many."""
    if not _is_ocr(table):
        return 0
    snapped = 0
    for cell in table.cells:
        if (cell.row < table.header_rows or cell.col == 0) and _snap(cell, words):
            snapped += 1
    return snapped
