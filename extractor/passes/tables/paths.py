"""A table grid → its label columns, value columns, and the labels over each value.

Reports print indicator tables in every orientation, so nothing here assumes one: label
columns are the columns whose body cells are words (片区, 社工点, 服务类别, 服务指标),
value columns those whose cells are figures; each body row gets the path of its label
cells (outermost first) and each value column the path of its header cells. A label
merged down several rows covers each of them; in a table drawn without vertical rules
the merge is invisible and the label is printed once, so an outer label column's blank
cells take the label of their group (closed by a 小计 row) or, without one, of the
nearest labelled row.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from extractor.areas import names_only_an_area
from extractor.document.model import Table, TableCell
from extractor.knowledge import scope_vocab
from extractor.passes.tables.labels import Tags, label_tags, squash
from extractor.passes.tables.values import is_figure, is_not_applicable

Grid = list[list[TableCell | None]]

# A body row naming only units under the header ("（个）（节）", "单位：人次").
_UNIT_CELL = re.compile(r"^(?:单位[：:]?)?[（(]?[^\d（）()]{0,3}[）)]?$")


@dataclass(slots=True)
class Paths:
    """Where the labels and figures of one table are."""

    grid: Grid  # every position → the cell covering it (spans resolved)
    body: list[int]  # body row indices holding figures
    label_cols: list[int]
    value_cols: list[int]
    # (body row, block) → the row's label cells' tags, outermost first. A block is a run
    # of label columns and the value columns after it: a row can hold several records
    # ("新增志愿者 | 100 | 342 | 342.00% | 社区调研 | 13 | 13 | 100.00%").
    row_labels: dict[tuple[int, int], list[Tags]]
    col_labels: dict[int, list[Tags]]  # value column → its header cells' tags, top first
    block_of: dict[int, int]  # value column → its block
    # Columns taken for labels though their header names a role (完成量, 完成率) and
    # their cells open with a figure: figures printed in a way the reader does not know
    # (`unread_figures`), so the read may be wrong.
    figure_labels: list[int] = field(default_factory=list)


def occupancy(t: Table) -> Grid:
    """Each grid position → the cell covering it, merged cells included."""
    grid: Grid = [[None] * t.n_cols for _ in range(t.n_rows)]
    for c in t.cells:
        for r in range(c.row, min(t.n_rows, c.row + c.rowspan)):
            for k in range(c.col, min(t.n_cols, c.col + c.colspan)):
                grid[r][k] = c
    return grid


def _text(c: TableCell | None) -> str:
    return squash(_label_text(c)) if c is not None else ""


# A printed line that is wholly a bracketed note: "（枫林、凤凰社区）".
_BRACKETED_LINE = re.compile(r"^\s*[（(][^（）()]+[）)]\s*$")


def _label_text(c: TableCell) -> str:
    """A cell's text as a label. A 片区's cell printing its name on the first line and,
    on the lines under it, only bracketed notes (the 社区 it covers: 枫林片区 over
    （枫林、凤凰社区）) is labelled by the name: the note names no row of its own."""
    if len(c.lines) < 2 or not all(_BRACKETED_LINE.match(text) for text, _ in c.lines[1:]):
        return c.text
    first = c.lines[0][0]
    return first if names_only_an_area(first) else c.text


def _unit_row(cells: list[TableCell | None]) -> bool:
    texts = [_text(c) for c in cells if _text(c)]
    if not texts:
        return False
    units = set(scope_vocab().unit_words)
    return all(
        _UNIT_CELL.match(t) is not None and (t.strip("（）()单位：:") in units or t in units)
        for t in texts
    )


# A cell of a column-numbering row: the column's number, alone or with the formula that
# makes it from others ("3=2÷1", "6=5/4", "15＝14÷13").
_COLUMN_NUMBER = re.compile(r"^(\d{1,2})(?:[=＝][\d+\-×÷*/（）()＋－]+)?$")


def column_number_row(cells: list[TableCell | None]) -> bool:
    """A body row numbering the columns under the header (栏次 │ 1 │ 2 │ 3=2÷1 │ 4 …):
    three or more cells whose numbers count up by one from 1 across the row, and either a
    label from `column_number_labels` or a cell giving its formula. Its figures are no
    row's: it is not read."""
    seen: set[int] = set()
    numbers: list[int] = []
    formula = False
    labels: list[str] = []
    for c in cells:
        if c is None or id(c) in seen:
            continue
        seen.add(id(c))
        text = _text(c)
        if not text:
            continue
        m = _COLUMN_NUMBER.match(text)
        if m is None:
            labels.append(text)
            continue
        numbers.append(int(m.group(1)))
        formula = formula or m.group(0) != m.group(1)
    if len(numbers) < 3 or numbers != list(range(1, len(numbers) + 1)) or len(labels) > 1:
        return False
    named = bool(labels) and labels[0] in scope_vocab().column_number_labels
    return named or formula


def table_paths(t: Table, areas: frozenset[str]) -> Paths:
    grid = occupancy(t)
    head = t.header_rows
    body = [
        r
        for r in range(head, t.n_rows)
        if not _unit_row(grid[r]) and not column_number_row(grid[r])
    ]
    header_kinds = [_header_kind(t, c, areas) for c in range(t.n_cols)]
    label_cols: list[int] = []
    value_cols: list[int] = []
    for c in range(t.n_cols):
        kind = header_kinds[c]
        if kind in ("skip", "breakdown") or _is_sequence(grid, body, c):
            continue
        texts = [_text(grid[r][c]) for r in body]
        filled = [x for x in texts if x]
        figures = sum(is_figure(x) or is_not_applicable(x) for x in filled)
        if kind in ("area", "post", "label", "unit") or (filled and figures < 0.5 * len(filled)):
            label_cols.append(c)
        elif figures:
            value_cols.append(c)
    for c in _note_columns(grid, body, label_cols, value_cols, header_kinds, areas):
        label_cols.remove(c)
        header_kinds[c] = "skip"
    figure_labels = [
        c for c in label_cols if _unread_figures(t, grid, body, c, header_kinds[c], areas)
    ]
    blocks = _blocks(label_cols, value_cols)
    block_of = {c: i for i, (_, values) in enumerate(blocks) for c in values}
    leading = [c for c in blocks[0][0] if header_kinds[c] in ("area", "post")] if blocks else []
    row_labels: dict[tuple[int, int], list[Tags]] = {}
    for i, (labels, _) in enumerate(blocks):
        cols = labels if i == 0 else [*leading, *labels]
        for r, tags in _row_labels(grid, body, cols, header_kinds, areas, t.ruled).items():
            row_labels[(r, i)] = tags
    for r, caption in _under_captions(grid, body, value_cols, areas).items():
        for key in [k for k in row_labels if k[0] == r]:
            row_labels[key] = [caption, *row_labels[key]]
    col_labels = {
        c: [label_tags(x, areas) for x in t.columns[c]] if c < len(t.columns) else []
        for c in value_cols
    }
    if "breakdown" in header_kinds:
        col_labels = {c: _period_sum(tags) for c, tags in col_labels.items()}
    return Paths(
        grid, body, label_cols, value_cols, row_labels, col_labels, block_of, figure_labels
    )


# A cell opening with a figure: "89（127.14%）", "12 / 15", "1,734户".
_FIGURE_LED = re.compile(r"^[+-]?\d")
# A cell of figures and the marks between them only, no word: "89(127.14%)", "12/15".
_FIGURES_ONLY = re.compile(
    r"^[\d.,，%％()（）\[\]［］/／:：+\-−—–~～]*\d[\d.,，%％()（）\[\]［］/／:：+\-−—–~～]*$"
)


def _unread_figures(
    t: Table, grid: Grid, body: list[int], c: int, kind: str | None, areas: frozenset[str]
) -> bool:
    """A column read as labels that holds figures printed in a way the reader does not
    know, not names: its header names a role (协议量, 完成量（完成率）) and its filled
    cells mostly open with a figure (a 完成情况 column of words is no such column), or,
    not headed as names (片区, 社工点, 服务类别), its cells mostly print figures and
    marks and no word at all."""
    filled = [x for x in (_text(grid[r][c]) for r in body) if x]
    if not filled:
        return False
    if kind not in ("area", "post", "label", "unit"):
        bare = sum(1 for x in filled if _FIGURES_ONLY.match(x))
        if 2 * bare > len(filled):
            return True
    path = t.columns[c] if c < len(t.columns) else ()
    if not any(label_tags(text, areas).role for text in path):
        return False
    led = sum(1 for x in filled if _FIGURE_LED.match(x))
    return 2 * led > len(filled)


def _period_sum(tags: list[Tags]) -> list[Tags]:
    """A 合计 column's header beside columns of the period's parts (第一季度 … 第四季度
    │ 合计): the sum of the parts, the period's done figure, not the table's total row.
    Only a header naming nothing but the total is read so."""
    if tags and all(t.scope == "total" and t.role is None and t.indicator is None for t in tags):
        return [replace(t, scope=None, role="done") for t in tags]
    return tags


def _caption_row(grid: Grid, r: int, value_cols: list[int]) -> str | None:
    """The text of a row that prints one label and no figure (a bold caption row spanning
    the table, or a label whose value cells are all blank); None for any other row."""
    cells = {id(c): c for c in grid[r] if c is not None and _text(c)}
    if len(cells) != 1 or not value_cols:
        return None
    (cell,) = cells.values()
    if any(
        grid[r][c] is not None and grid[r][c] is not cell and _text(grid[r][c]) for c in value_cols
    ):
        return None
    text = _text(cell)
    return None if is_figure(text) or is_not_applicable(text) else text


def _under_captions(
    grid: Grid, body: list[int], value_cols: list[int], areas: frozenset[str]
) -> dict[int, Tags]:
    """Rows grouped under caption rows instead of a merged outer column ("基础服务",
    "个案服务" each on a row of its own, the indicator rows below it; or a 片区's name
    alone in a title row spanning the table, its 社区 rows and its 小计 below it): each
    row after a caption → the caption's tags, up to the next caption. Only a table whose
    first body row is such a caption and that has two or more of them is read so, their
    captions all naming groups of indicators or all naming a 片区 (a caption naming 合计
    or a role groups nothing; 总计 after the last 片区 is the whole table's row either
    way: its own label names the total, which no 片区 above it changes)."""
    captions = {r: text for r in body if (text := _caption_row(grid, r, value_cols))}
    if len(captions) < 2 or not body or body[0] not in captions:
        return {}
    tags = {r: label_tags(text, areas) for r, text in captions.items()}
    if any(t.role is not None for t in tags.values()):
        return {}
    scopes = {t.scope for t in tags.values()}
    if scopes != {None} and not (scopes == {"area"} and all(t.name for t in tags.values())):
        return {}
    # A caption naming an indicator (1.困难群众建档（户）) heads the indicator's rows as a
    # column headed 服务指标 lists them: the 片区 and 合计 labels of the rows under it name
    # their scope, not the caption (a label naming both is read as a scope alone).
    tags = {r: replace(t, listed=True) if t.indicator else t for r, t in tags.items()}
    out: dict[int, Tags] = {}
    current: Tags | None = None
    for r in body:
        if r in captions:
            current = tags[r]
        elif current is not None:
            out[r] = current
    return out


def _blocks(label_cols: list[int], value_cols: list[int]) -> list[tuple[list[int], list[int]]]:
    """Runs of label columns, each with the value columns up to the next label run."""
    blocks: list[tuple[list[int], list[int]]] = []
    for c in sorted(label_cols + value_cols):
        if c in label_cols:
            if not blocks or blocks[-1][1]:
                blocks.append(([], []))
            blocks[-1][0].append(c)
        else:
            if not blocks:
                blocks.append(([], []))
            blocks[-1][1].append(c)
    return blocks


def _header_kind(t: Table, c: int, areas: frozenset[str]) -> str | None:
    """What a column's header says it holds (片区, 社工点, indicator labels, 序号/备注)."""
    path = t.columns[c] if c < len(t.columns) else ()
    kinds = [label_tags(text, areas).header for text in path]
    # 片区 over a unit row's 单位 is still the 片区 column
    named = [k for k in kinds if k in ("area", "post", "label", "unit")]
    if named:
        return named[-1]
    if "breakdown" in kinds:
        return "breakdown"
    return "skip" if "skip" in kinds else None


# A note beside a row's 片区: a person's name (曾雨梓, 阿依古丽·买买提) or a few words,
# Chinese characters only (no figure, no letter).
_NOTE = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff·、]{1,7}$")


def _note_columns(
    grid: Grid,
    body: list[int],
    label_cols: list[int],
    value_cols: list[int],
    header_kinds: list[str | None],
    areas: frozenset[str],
) -> list[int]:
    """Label columns beside a 片区 column that print a note of each 片区 (who answers for
    it: 片区 │ 负责社工 │ …, the header a word the vocabulary does not know), not a
    scope: the 片区 column names a different 片区 on every row, so the column divides no
    片区 into 社工点; on each 片区's row it prints a few Chinese characters that name no
    片区, 社工点, indicator, role or unit, and on the 合计 / 小计 rows nothing or a dash.
    Such a column is skipped as a 负责社工 column is (models/vocab/scopes.yaml)."""
    out: list[int] = []
    ends = tuple(scope_vocab().post_headers)
    for c in label_cols:
        if header_kinds[c] is not None:
            continue
        outer = [a for a in label_cols if a < c and not any(a < v < c for v in value_cols)]
        scope_col = next(
            (a for a in reversed(outer) if _names_areas(grid, body, a, header_kinds[a], areas)),
            None,
        )
        if scope_col is None:
            continue
        named: list[str] = []
        ok = True
        for r in body:
            outer_cell, cell = grid[r][scope_col], grid[r][c]
            tags = label_tags(_text(outer_cell), areas)
            text = _text(cell) if cell is not outer_cell else ""
            if tags.scope in ("total", "subtotal", "mean"):
                ok = not text or is_not_applicable(text)
            else:
                ok = (
                    _NOTE.match(text) is not None
                    and label_tags(text, areas).empty
                    and not text.endswith(ends)
                    and outer_cell is not None
                    and outer_cell.rowspan == 1
                    and bool(_text(outer_cell))
                )
                named.append(_text(outer_cell))
            if not ok:
                break
        if ok and len(named) >= 2 and len(set(named)) == len(named):
            out.append(c)
    return out


def _names_areas(
    grid: Grid, body: list[int], c: int, kind: str | None, areas: frozenset[str]
) -> bool:
    """The column names a 片区 on each row that is not a 合计 / 小计 row: it is headed
    片区, or each of its filled cells is a 片区's name."""
    if kind == "area":
        return True
    tags = [label_tags(x, areas) for x in (_text(grid[r][c]) for r in body) if x]
    named = [t for t in tags if t.scope not in ("total", "subtotal", "mean")]
    return bool(named) and all(t.scope == "area" for t in named)


def _is_sequence(grid: Grid, body: list[int], c: int) -> bool:
    """A 序号 column without its header: 1, 2, 3 … down the labelled rows."""
    values = [_text(grid[r][c]) for r in body]
    numbers = [v for v in values if v]
    if len(numbers) < 2 or not all(v.isdigit() for v in numbers):
        return False
    seq = [int(v) for v in numbers]
    return seq == list(range(seq[0], seq[0] + len(seq))) and seq[0] in (0, 1)


def _row_labels(
    grid: Grid,
    body: list[int],
    label_cols: list[int],
    header_kinds: list[str | None],
    areas: frozenset[str],
    ruled: bool,
) -> dict[int, list[Tags]]:
    out: dict[int, list[Tags]] = {r: [] for r in body}
    if not label_cols:
        return out
    inner = label_cols[-1]
    # Outer label columns inherit down their groups; the innermost names each row.
    filled: dict[int, dict[int, str]] = {}
    for c in label_cols:
        texts = {r: _text(grid[r][c]) for r in body}
        if c != inner:
            texts = _inherit(texts, body, grid, inner, areas, ruled, col=c)
        filled[c] = texts
    for r in body:
        for c in label_cols:
            text = filled[c][r]
            if not text:
                continue
            tags = label_tags(text, areas)
            kind = header_kinds[c]
            if tags.empty and kind in ("area", "post"):
                # a plain name in a column headed 片区 / 社工点
                tags = Tags(scope=kind, name=text, text=text)  # type: ignore[arg-type]
            elif tags.empty and kind == "label":
                # a category in a column headed 服务类别: a word, not a place
                tags = Tags(header="label", text=text)
            elif tags.indicator and kind == "label":
                tags = replace(tags, listed=True)
            out[r].append(tags)
    return out


def _wrapped_label(group: list[int], texts: dict[int, str], areas: frozenset[str]) -> str | None:
    """A group label wrapped over two printed lines that fell into neighbouring rows
    (a merged 片区 cell "西部 / 片区" centred on its group): the pieces, in row order,
    joined, when together they name a 片区 and apart they do not."""
    rows = [x for x in group if texts[x]]
    if len(rows) < 2 or any(b - a != 1 for a, b in itertools.pairwise(rows)):
        return None
    pieces = [texts[x] for x in rows]
    joined = "".join(pieces)
    if label_tags(joined, areas).scope != "area":
        return None
    if any(label_tags(p, areas).scope == "area" for p in pieces):
        return None
    return joined


def _inherit(
    texts: dict[int, str],
    body: list[int],
    grid: Grid,
    inner: int,
    areas: frozenset[str],
    ruled: bool,
    col: int | None = None,
) -> dict[int, str]:
    """Blank cells of an outer label column take their group's label: the rows up to and
    including a 小计 row form a group; without 小计 rows, in a ruled table the label above
    (a merge that runs on over a page break leaves a blank cell on the new page), in an
    unruled one the nearest labelled row (the label is printed once, centred on its
    group), except under a blank merged cell opening a continuation page (`_runs_on`)."""
    if all(texts[r] for r in body):
        return texts
    totals = {r for r in body if label_tags(_text(grid[r][inner]), areas).scope == "total"}
    subtotal = {r for r in body if label_tags(_text(grid[r][inner]), areas).scope == "subtotal"}
    out = dict(texts)
    if subtotal:
        group: list[int] = []
        for r in body:
            if r in totals:
                group = []
                continue
            group.append(r)
            if r in subtotal:
                names = {texts[x] for x in group if texts[x]}
                if len(names) == 1:
                    name = names.pop()
                    for x in group:
                        out[x] = out[x] or name
                elif (wrapped := _wrapped_label(group, texts, areas)) is not None:
                    for x in group:
                        out[x] = wrapped
                group = []
        return out
    labelled = [r for r in body if texts[r] and r not in totals]
    if not labelled:
        return out
    for r in _runs_on(texts, body, grid, col) if col is not None else []:
        out[r] = next((texts[x] for x in reversed(body) if x < r and texts[x]), "")
    if ruled:
        last = ""
        for r in body:
            if texts[r]:
                last = texts[r]
            elif r not in totals:
                out[r] = last
        return out
    for i, r in enumerate(body):
        if out[r] or r in totals:
            continue
        nearest = min(labelled, key=lambda x: (abs(body.index(x) - i), -x))
        out[r] = texts[nearest]
    return out


def _runs_on(texts: dict[int, str], body: list[int], grid: Grid, col: int) -> list[int]:
    """Blank rows of a label column under one cell merged down several rows that opens a
    continuation page (a merge drawn by its shading, see `pdf.unruled.merges`): the
    merge above runs on over the page break, and its label is printed on the first page
    only. Where the column shows its merges, a blank single cell opening the page is
    such a run-on too: had it been part of the group below, the merge would cover it."""
    out: list[int] = []
    merges = any((x := grid[r][col]) is not None and x.rowspan > 1 for r in body)
    for i, r in enumerate(body):
        cell = grid[r][col]
        if texts[r] or cell is None or cell.row != r or i == 0:
            continue
        if cell.rowspan < 2 and not merges:
            continue
        above = grid[body[i - 1]][col]
        if above is not None and above.page < cell.page:
            out += [x for x in body if cell.row <= x < cell.row + cell.rowspan]
    return out
