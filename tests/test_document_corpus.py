"""The document layer on every text-layer PDF of the corpus, checked against its gold.

Each PDF is built into a `Document` once (module cache) and is its own test id. What is
checked is what the passes rely on: the section tree's canonical order, every praise and
concern heading, the appendix tables (rows, header paths, captions, cell geometry), the
joined roster, page furniture set aside, and comments kept out of the body text.
Page numbers are located independently of the extractor, with pypdfium2's text layer.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from _pytest.mark import ParameterSet

from corpora.conventions import measured_apart
from extractor.document.build import build_document
from extractor.document.model import Document, Section, Table, TableCell
from extractor.records import GoldReport

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PDFS = sorted(
    p
    for p in CORPORA.glob("**/*.pdf")
    if p.parent.name != "scanned" and not measured_apart(p.relative_to(CORPORA))
)
PARTIES = ("monitor", "buyer", "supervision_centre", "third_party")
TOP_ORDER = ["basic_info", "basis", *PARTIES, "result", "conclusion"]
APPENDIX = re.compile(r"^附\s*件")
WHITESPACE = re.compile(r"\s+")

# (test name, file name) → the extraction bug that makes that case fail (strict xfail:
# a fix turns the case into XPASS, and the entry must go).
KNOWN_BUGS: dict[tuple[str, str], str] = {}


@functools.cache
def document(pdf: Path) -> Document:
    return build_document(pdf)


@functools.cache
def gold(pdf: Path) -> GoldReport:
    path = pdf.with_name(pdf.stem + ".gold.json")
    return GoldReport.model_validate_json(path.read_text(encoding="utf-8"))


@functools.cache
def printed_page_numbers(pdf: Path) -> dict[int, tuple[float, float, float, float]]:
    """page → bbox (x0, top, x1, bottom) of the page number, when the lowest printed line
    of the page is that bare number."""
    out: dict[int, tuple[float, float, float, float]] = {}
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for i in range(len(doc)):
            page = doc[i]
            height = page.get_height()
            tp = page.get_textpage()
            chars = [
                (chr(code), tp.get_charbox(k))
                for k in range(tp.count_chars())
                if (code := pdfium_c.FPDFText_GetUnicode(tp, k)) and not chr(code).isspace()
            ]
            if not chars:
                continue
            low = min(box[1] for _, box in chars)
            last = [(c, box) for c, box in chars if box[1] <= low + 2]
            if "".join(c for c, _ in last) == str(i + 1):
                boxes = [box for _, box in last]
                out[i + 1] = (
                    min(b[0] for b in boxes),
                    height - max(b[3] for b in boxes),
                    max(b[2] for b in boxes),
                    height - min(b[1] for b in boxes),
                )
    finally:
        doc.close()
    return out


def cases(test: str, when: Callable[[GoldReport], bool] | None = None) -> list[ParameterSet]:
    """One param per PDF (id: file name), xfail(strict) where KNOWN_BUGS names the case;
    `when` keeps only PDFs whose gold has what the test checks."""
    params = []
    for pdf in PDFS:
        if when is not None and not when(gold(pdf)):
            continue
        reason = KNOWN_BUGS.get((test, pdf.name))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(pdf, id=pdf.name, marks=marks))
    return params


def squash(text: str) -> str:
    return WHITESPACE.sub("", text)


def top_sections(doc: Document) -> list[Section]:
    return [s for s in doc.root.children if not APPENDIX.match(s.title)]


def appendix_tables(doc: Document, label: str) -> list[Table]:
    """Tables filed under the appendix section `label` (附件1-1 …), by section path."""
    own = re.compile(re.escape(label) + r"(?![\d\-－—])")
    return [t for t in doc.tables if t.section and own.match(squash(t.section[0]))]


AREA_LABEL = re.compile(
    r"^(?:第?[一二三四五六七八九十\d]+片区|片区[一二三四五六七八九十\d]+|\w{1,6}片区|合计|总计)$"
)


def area_of_row(row: list[TableCell | None]) -> str:
    """The row's 片区 label (or 合计): the leftmost cell that reads like one; a 序号
    column may stand before it."""
    for c in row:
        if c is not None and AREA_LABEL.match(squash(c.text)):
            return squash(c.text)
    return ""


def first_column(table: Table) -> list[str]:
    return [area_of_row(row) for row in table.body()]


def test_corpus_is_not_empty() -> None:
    assert len(PDFS) >= 45


@pytest.mark.parametrize("pdf", cases("test_top_sections_in_canonical_order"))
def test_top_sections_in_canonical_order(pdf: Path) -> None:
    doc = document(pdf)
    assert [s.canonical for s in top_sections(doc)] == TOP_ORDER


@pytest.mark.parametrize("pdf", cases("test_praise_and_concern_headings_found"))
def test_praise_and_concern_headings_found(pdf: Path) -> None:
    doc, g = document(pdf), gold(pdf)
    found: Counter[tuple[str, str]] = Counter()
    for sec in top_sections(doc):
        if sec.canonical in PARTIES:
            for sub in sec.walk()[1:]:
                if sub.canonical in ("praise", "concern"):
                    found[(sec.canonical, sub.canonical)] += 1
    expected = Counter((s.party, s.polarity) for s in g.assessment_sections)
    assert found == expected


def has_area_rows(g: GoldReport) -> bool:
    return any(r.table == "附件1-1" and r.area is not None for r in g.indicators.rows)


@pytest.mark.parametrize("pdf", cases("test_area_tables_rows_and_headers", has_area_rows))
def test_area_tables_rows_and_headers(pdf: Path) -> None:
    """附件1-1: every table whose first column holds 片区 labels has one body row per
    gold area (合计 included), and together their header paths name every indicator."""
    doc, g = document(pdf), gold(pdf)
    rows = [r for r in g.indicators.rows if r.table == "附件1-1" and r.area is not None]
    areas = list(dict.fromkeys(squash(r.area or "") for r in rows))
    tables = [t for t in appendix_tables(doc, "附件1-1") if set(areas) & set(first_column(t))]
    assert tables, "no 附件1-1 table holds the 片区 rows"
    for t in tables:
        assert first_column(t) == areas, f"table on pages {t.pages}"
    heads = {squash(c[0]) for t in tables for c in t.columns if c}
    labels = {squash(r.label) for r in rows}
    assert labels - heads == set()


@pytest.mark.parametrize("pdf", cases("test_appendix_1_2_tables"))
def test_appendix_1_2_tables(pdf: Path) -> None:
    """附件1-2: one small table per gold row, captioned with the indicator label."""
    doc, g = document(pdf), gold(pdf)
    rows = [r for r in g.indicators.rows if r.table == "附件1-2"]
    tables = appendix_tables(doc, "附件1-2")
    assert [squash(t.caption) for t in tables] == [squash(r.label) for r in rows]
    for t, r in zip(tables, rows, strict=True):
        assert t.n_rows - t.header_rows == 1
        body = [squash(c.text) if c else "" for c in t.body()[0]]
        printed = [squash(c.printed) for c in (r.target, r.done, r.pct) if c is not None]
        assert body == printed


@pytest.mark.parametrize("pdf", cases("test_gold_table_values_in_cells"))
def test_gold_table_values_in_cells(pdf: Path) -> None:
    """Every printed gold cell is the text of some cell of that appendix's tables, and
    that cell has a box inside its page."""
    doc, g = document(pdf), gold(pdf)
    sizes = {p.number: (p.width, p.height) for p in doc.pages}
    missing: list[str] = []
    for label in sorted({r.table for r in g.indicators.rows}):
        cells: dict[str, list[tuple[int, tuple[float, float, float, float]]]] = {}
        for t in appendix_tables(doc, label):
            for c in t.cells:
                cells.setdefault(squash(c.text), []).append((c.page, c.bbox))
        for r in (r for r in g.indicators.rows if r.table == label):
            for name in ("target", "done", "pct"):
                cell = getattr(r, name)
                if cell is None:
                    continue
                where = cells.get(squash(cell.printed), [])
                inside = [
                    (page, box)
                    for page, box in where
                    if page in sizes
                    and 0 <= box[0] < box[2] <= sizes[page][0]
                    and 0 <= box[1] < box[3] <= sizes[page][1]
                ]
                if not inside:
                    missing.append(f"{label}/{r.area}/{r.label}/{r.measure}/{name}={cell.printed}")
    assert missing == []


@pytest.mark.parametrize("pdf", cases("test_area_cells_in_their_row_and_column", has_area_rows))
def test_area_cells_in_their_row_and_column(pdf: Path) -> None:
    """附件1-1 per 片区: each printed gold cell sits in that area's row, under a column
    whose header path starts with the indicator label."""
    doc, g = document(pdf), gold(pdf)
    by_area: dict[str, set[str]] = {}
    for t in appendix_tables(doc, "附件1-1"):
        for row in t.body():
            area = area_of_row(row)
            if not area:
                continue
            for col, c in enumerate(row):
                if c is not None and col < len(t.columns) and t.columns[col]:
                    key = f"{area}|{squash(t.columns[col][0])}"
                    by_area.setdefault(key, set()).add(squash(c.text))
    missing = [
        f"{r.area}/{r.label}/{r.measure}/{name}={cell.printed}"
        for r in g.indicators.rows
        if r.table == "附件1-1" and r.area is not None
        for name in ("target", "done", "pct")
        if (cell := getattr(r, name)) is not None
        and squash(cell.printed) not in by_area.get(f"{squash(r.area)}|{squash(r.label)}", set())
    ]
    assert missing == []


@pytest.mark.parametrize("pdf", cases("test_page_numbers_set_aside"))
def test_page_numbers_set_aside(pdf: Path) -> None:
    doc = document(pdf)
    numbered = printed_page_numbers(pdf)
    assert len(numbered) >= len(doc.pages) - 1, "the corpus numbers every page but the cover"
    removed = sorted((ln.page, ln.text.strip()) for ln in doc.removed if ln.text.strip().isdigit())
    assert removed == [(n, str(n)) for n in sorted(numbered)]
    bare = [(b.page, b.text) for b in doc.blocks if b.text.strip().isdigit()]
    assert bare == []
    glued = []
    for b in doc.blocks:
        for ln in b.lines:
            box = numbered.get(ln.page)
            if box is None:
                continue
            for gl in ln.glyphs:
                cx, cy = (gl.x0 + gl.x1) / 2, (gl.top + gl.bottom) / 2
                if box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1:
                    glued.append((b.page, b.text[-20:]))
    assert glued == []


@pytest.mark.parametrize("pdf", cases("test_roster_is_one_joined_table"))
def test_roster_is_one_joined_table(pdf: Path) -> None:
    doc, g = document(pdf), gold(pdf)
    names = {squash(p.name) for p in g.staffing.roster}
    if not names:
        assert not appendix_tables(doc, "附件2")
        return
    holding = [t for t in doc.tables if names & {squash(c.text) for c in t.cells}]
    assert len(holding) == 1, f"roster names spread over {[t.pages for t in holding]}"
    roster = holding[0]
    body = {squash(c.text) for row in roster.body() for c in row if c is not None}
    assert names - body == set()
    assert roster in appendix_tables(doc, "附件2")


@pytest.mark.parametrize("pdf", cases("test_comments_kept_out_of_blocks"))
def test_comments_kept_out_of_blocks(pdf: Path) -> None:
    doc, g = document(pdf), gold(pdf)
    annotated = g.variant.get("annotation") is True or g.variant.get("kind") == "seed"
    if not annotated:
        assert doc.comments == []
        return
    assert doc.comments
    body = [squash(b.text) for b in doc.blocks]
    for comment in doc.comments:
        text = squash(comment.contents)
        assert text
        leaked = [b[:40] for b in body if text in b or (len(b) >= 20 and b in text)]
        assert leaked == []
