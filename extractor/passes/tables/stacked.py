"""Two figures stacked in one cell: a column whose header cell names two roles on two
lines (协议量 over 完成量, a line break inside the cell) and whose body cells print two
figures on two lines is two columns printed in one, split here by the cells' lines
before the table is read (`read.py`).

Word users save width this way when an indicator table is too wide for the page; a note
under the table usually says so (每格上行为协议量，下行为完成量). The split needs both: the
header's two lines each naming a different role, and every filled body cell of the
column printing exactly two lines, each a figure or a not-applicable mark ("/" over the
completion of an indicator without a target). A column where any filled cell prints one
line, or more than two, is left whole: which figure a lone line is cannot be told.
"""

from __future__ import annotations

from dataclasses import replace

from extractor.document.model import Table, TableCell
from extractor.document.tables import column_paths
from extractor.passes.tables.labels import label_tags
from extractor.passes.tables.values import is_figure, is_not_applicable


def _two_roles(cell: TableCell, areas: frozenset[str]) -> bool:
    if len(cell.lines) != 2 or cell.colspan != 1:
        return False
    roles = [label_tags(text, areas).role for text, _ in cell.lines]
    return None not in roles and roles[0] != roles[1]


def _two_figures(cell: TableCell) -> bool:
    return (
        cell.colspan == 1
        and len(cell.lines) == 2
        and all(is_figure(text) or is_not_applicable(text) for text, _ in cell.lines)
    )


def stacked_columns(t: Table, areas: frozenset[str]) -> list[int]:
    """The grid columns printing two figures in each cell under a two-role header."""
    if t.header_rows == 0:
        return []
    out: list[int] = []
    for c in range(t.n_cols):
        column = [x for x in t.cells if x.col == c]
        heads = [x for x in column if x.row < t.header_rows and x.row + x.rowspan == t.header_rows]
        if len(heads) != 1 or not _two_roles(heads[0], areas):
            continue
        filled = [x for x in column if x.row >= t.header_rows and x.text.strip()]
        if len(filled) >= 2 and all(_two_figures(x) for x in filled):
            out.append(c)
    return out


def split_stacked_cells(t: Table, areas: frozenset[str]) -> Table:
    """The table with each stacked column split in two, the upper line's column first:
    each split cell keeps its own line's text and box (its provenance); a cell spanning
    a split column (the indicator's header over it) spans both halves."""
    split = set(stacked_columns(t, areas))
    if not split:
        return t

    def start(c: int) -> int:  # the new index of old column c
        return c + sum(1 for s in split if s < c)

    cells: list[TableCell] = []
    for x in t.cells:
        new = start(x.col)
        if x.col in split and x.colspan == 1 and len(x.lines) == 2:
            offset = 0
            for k, (text, box) in enumerate(x.lines):
                doubtful = None
                if x.doubtful is not None:  # OCR: the marks of this line, re-counted
                    doubtful = [i - offset for i in x.doubtful if 0 <= i - offset < len(text)]
                cells.append(
                    replace(x, col=new + k, text=text, bbox=box, lines=(), doubtful=doubtful)
                )
                offset += len(text)
            continue
        last = x.col + x.colspan - 1
        end = start(last) + (2 if last in split else 1)
        cells.append(replace(x, col=new, colspan=end - new))
    out = replace(t, cells=cells, n_cols=t.n_cols + len(split), columns=[])
    out.columns = column_paths(out)
    return out
