"""Body lines → rows (wrapped lines joined to the row they belong to) → each row's cell
rectangles on the table's column boundaries."""

from __future__ import annotations

from extractor.pdf.unruled.columns import col_of
from extractor.pdf.unruled.settings import UnruledSettings
from extractor.pdf.unruled.tokens import TokenLine, is_dense
from extractor.pdf.view import BBox


def rows(lines: list[TokenLine], s: UnruledSettings) -> list[list[TokenLine]]:
    """Body lines → rows: lines filling most columns anchor a row; a line stacked tight on
    a row (wrapped text of a vertically centred cell) joins it; other lines are rows of
    their own (a subtotal label, a figure centred over a group of columns)."""
    most = max(len(ln.toks) for ln in lines)
    out: list[list[TokenLine]] = [[ln] for ln in lines if is_dense(ln, most, s)]
    loose = [ln for ln in lines if not is_dense(ln, most, s)]
    changed = True
    while loose and changed:
        changed = False
        for ln in list(loose):
            best: tuple[float, int] | None = None
            for ri, row in enumerate(out):
                top, bottom = min(x.top for x in row), max(x.bottom for x in row)
                gap = max(top - ln.bottom, ln.top - bottom)
                if gap <= s.wrap_gap_h * ln.height and (best is None or gap < best[0]):
                    best = (gap, ri)
            if best is not None:
                out[best[1]].append(ln)
                loose.remove(ln)
                changed = True
    for ln in sorted(loose, key=lambda ln: ln.top):
        out.append([ln])
    # Loose lines stacked tight on each other form one row.
    out.sort(key=lambda r: min(x.top for x in r))
    joined: list[list[TokenLine]] = []
    for row in out:
        if joined and len(row) == 1 and len(joined[-1]) >= 1:
            prev = joined[-1]
            loose_prev = not any(is_dense(x, most, s) for x in prev)
            gap = min(x.top for x in row) - max(x.bottom for x in prev)
            if loose_prev and not is_dense(row[0], most, s) and gap <= s.wrap_gap_h * row[0].height:
                prev.extend(row)
                continue
        joined.append(row)
    return joined


def row_cells(
    row: list[TokenLine],
    bounds: list[float],
    y0: float,
    y1: float,
    spans: list[tuple[int, int]],
    s: UnruledSettings,
) -> list[BBox]:
    """Cells of one body row: a token printed across several columns is one spanning
    cell; a lone figure centred over an otherwise empty header group spans the group."""
    n = len(bounds) - 1
    owner = list(range(n))

    def find(k: int) -> int:
        while owner[k] != k:
            k = owner[k]
        return k

    filled: set[int] = set()
    toks = [t for ln in row for t in ln.toks]
    tok_cols: list[list[int]] = []
    for t in toks:
        ks = sorted({col_of(bounds, (g.x0 + g.x1) / 2) for g in t.glyphs})
        tok_cols.append(ks)
        filled.update(ks)
        for k in range(ks[0], ks[-1]):
            owner[find(k + 1)] = find(ks[0])
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(find(k), []).append(k)
    extent = {min(g): max(g) for g in groups.values()}
    for t, ks in zip(toks, tok_cols, strict=True):
        a, b = ks[0], ks[-1]
        for sa, sb in sorted(spans, key=lambda sp: sp[1] - sp[0]):
            if sa <= a and b <= sb and (sa, sb) != (a, b):
                others = [k for k in range(sa, sb + 1) if k < a or k > b]
                if any(k in filled for k in others):
                    continue
                centre = (bounds[sa] + bounds[sb + 1]) / 2
                near = max(s.figure_centre, s.figure_centre_share * (bounds[b + 1] - bounds[a]))
                if abs(centre - t.cx) <= near:
                    for k in list(extent):
                        if sa <= k <= sb:
                            del extent[k]
                    extent[sa] = sb
                    filled.update(range(sa, sb + 1))
                    break
    return [(bounds[a], y0, bounds[b + 1], y1) for a, b in sorted(extent.items())]
