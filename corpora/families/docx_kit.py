"""python-docx helpers for what Word users do by hand: fonts per script, three-line and
other table rulings, merged header cells, shaded rows, repeated header rows, landscape
sections and page-number fields. python-docx covers documents and runs; table borders,
shading and fields are plain WordprocessingML, set here in one place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

Ruling = Literal[
    "three_line",
    "grid",
    "vertical",
    "zebra",
    "zebra_lines",
    "horizontal",
    "double_dashed",
    "dotted",
    "excel",
]
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    # 分散对齐: the characters of a line spread over the cell's whole width
    "distribute": WD_ALIGN_PARAGRAPH.DISTRIBUTE,
}
FIXED_TIME = dt.datetime(2025, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Fonts:
    """A template's fonts: Word names them; LibreOffice substitutes installed CJK fonts."""

    body: str = "宋体"
    heading: str = "黑体"
    latin: str = "Times New Roman"
    size: float = 12.0
    line_spacing: float = 1.5  # multiple of a line, or points when > 4


def document(fonts: Fonts, title: str, author: str) -> Document:
    """An A4 document with the template's body font and fixed core properties (so the
    PDF's metadata does not carry the build time)."""
    doc = new_document()
    normal = doc.styles["Normal"]
    normal.font.name = fonts.latin
    normal.font.size = Pt(fonts.size)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), fonts.body)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    if fonts.line_spacing > 4:
        pf.line_spacing = Pt(fonts.line_spacing)
    else:
        pf.line_spacing = fonts.line_spacing
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin = sec.bottom_margin = Cm(2.54)
    sec.left_margin = sec.right_margin = Cm(2.8)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, author, author
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    return doc


def run_font(run: Any, east_asian: str, size: float | None = None, bold: bool = False) -> None:
    run.font.bold = bold
    if size is not None:
        run.font.size = Pt(size)
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)
    # Text typed with a Chinese input method: Word marks its runs so that shared
    # punctuation (“ ” …) takes the East Asian font, not the Latin one.
    fonts.set(qn("w:hint"), "eastAsia")


def paragraph(
    doc: Document | Any,
    text: str = "",
    *,
    font: str,
    size: float | None = None,
    bold: bool = False,
    align: str = "justify",
    indent_chars: float = 0.0,
    space_before: float = 0.0,
    space_after: float = 0.0,
    keep_with_next: bool = False,
    base_size: float = 12.0,
) -> Paragraph:
    p: Paragraph = doc.add_paragraph()
    p.alignment = ALIGN[align]
    pf = p.paragraph_format
    if indent_chars:
        pf.first_line_indent = Pt((size or base_size) * indent_chars)
    pf.space_before, pf.space_after = Pt(space_before), Pt(space_after)
    pf.keep_with_next = keep_with_next
    if text:
        run_font(p.add_run(text), font, size, bold)
    return p


def page_break(doc: Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def new_section(doc: Document, landscape: bool) -> None:
    """A section on a new page, portrait or landscape (LibreOffice needs a paragraph
    after the break before a table, which every caller writes)."""
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    short, long_ = Cm(21.0), Cm(29.7)
    sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = (long_, short) if landscape else (short, long_)
    if landscape:
        sec.top_margin = sec.bottom_margin = Cm(2.0)
        sec.left_margin = sec.right_margin = Cm(1.8)
    else:
        sec.top_margin = sec.bottom_margin = Cm(2.54)
        sec.left_margin = sec.right_margin = Cm(2.8)


def column_section(doc: Document, cols: int, space_cm: float = 0.75) -> None:
    """A continuous section break (分节符（连续）); what follows is set in `cols` columns
    (Word 分栏: `w:cols w:num`), the same page size and margins as before."""
    sec = doc.add_section(WD_SECTION.CONTINUOUS)
    sect_pr = sec._sectPr
    el = sect_pr.find(qn("w:cols"))
    if el is None:
        el = OxmlElement("w:cols")
        grid = sect_pr.find(qn("w:docGrid"))
        if grid is not None:
            grid.addprevious(el)
        else:
            sect_pr.append(el)
    for attr in list(el.attrib):
        del el.attrib[attr]
    if cols > 1:
        el.set(qn("w:num"), str(cols))
    el.set(qn("w:space"), str(round(space_cm * 567)))


def _field(run_parent: Paragraph, instr: str, font: str, size: float) -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / result / end."""
    for kind, text in (("begin", None), ("instr", instr), ("separate", None), ("result", "1")):
        run = run_parent.add_run()
        run_font(run, font, size)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
            run._element.append(el)
        elif kind == "result":
            run.text = text or ""
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._element.append(el)
    end = run_parent.add_run()
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), "end")
    end._element.append(el)


def page_footer(
    doc: Document,
    form: Literal["plain", "dash", "of_total", "page", "slash"],
    font: str,
    size: float = 10.5,
    *,
    align: str = "center",
    cover: bool = True,
) -> None:
    """Page numbers in the footer of every section, none on the cover (first page) unless
    the report has no cover (`cover=False`: page 1 is numbered too). `page` prints
    第 X 页, `slash` 第X页/共Y页."""
    for i, sec in enumerate(doc.sections):
        sec.footer.is_linked_to_previous = i > 0
        if i == 0 and cover:
            sec.different_first_page_header_footer = True
        if i > 0:
            continue
        p = sec.footer.paragraphs[0]
        p.alignment = ALIGN[align]
        if form == "page":
            run_font(p.add_run("第 "), font, size)
            _field(p, "PAGE", font, size)
            run_font(p.add_run(" 页"), font, size)
        elif form == "of_total":
            run_font(p.add_run("第 "), font, size)
            _field(p, "PAGE", font, size)
            run_font(p.add_run(" 页 共 "), font, size)
            _field(p, "NUMPAGES", font, size)
            run_font(p.add_run(" 页"), font, size)
        elif form == "slash":
            run_font(p.add_run("第"), font, size)
            _field(p, "PAGE", font, size)
            run_font(p.add_run("页/共"), font, size)
            _field(p, "NUMPAGES", font, size)
            run_font(p.add_run("页"), font, size)
        elif form == "dash":
            run_font(p.add_run("- "), font, size)
            _field(p, "PAGE", font, size)
            run_font(p.add_run(" -"), font, size)
        else:
            _field(p, "PAGE", font, size)


def restart_footer(
    doc: Document, prefix: str, font: str, size: float = 10.5, *, align: str = "center"
) -> None:
    """The last section's own footer with its page numbers restarting at 1 after a
    prefix (附-1, 附-2: an appendix numbered apart from the report, as Word does with
    a section break, 起始页码 1 and the footer unlinked from the previous section's).
    Call after `page_footer`, which links every later section's footer to the first."""
    sec = doc.sections[-1]
    sec.footer.is_linked_to_previous = False
    p = sec.footer.paragraphs[0]
    p.alignment = ALIGN[align]
    run_font(p.add_run(prefix), font, size)
    _field(p, "PAGE", font, size)
    num = sec._sectPr.find(qn("w:pgNumType"))
    if num is None:
        num = OxmlElement("w:pgNumType")
        cols = sec._sectPr.find(qn("w:cols"))  # schema order: pgNumType before cols
        if cols is None:
            sec._sectPr.append(num)
        else:
            cols.addprevious(num)
    num.set(qn("w:start"), "1")


def page_header(
    doc: Document, text: str, font: str, size: float = 9.0, right: str | None = None
) -> None:
    """A running header (the evaluator's name) with a rule under it, none on the cover;
    with `right`, `text` at the left margin and `right` at the right one (a right tab)."""
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    p = sec.header.paragraphs[0]
    if right is None:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run_font(p.add_run(text), font, size)
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        width = sec.page_width - sec.left_margin - sec.right_margin
        p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        run_font(p.add_run(f"{text}\t{right}"), font, size)
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bdr.append(_border("bottom", 4))
    ppr.append(bdr)


# ---------------------------------------------------------------- tables


@dataclass
class Grid:
    """A table as printed: rows of cell texts (None inside a merged span), the spans
    (r0, c0, r1, c1 inclusive), how many header rows, widths in cm, ruling, alignment."""

    rows: list[list[str | None]]
    header_rows: int
    widths: Sequence[float]
    ruling: Ruling = "grid"
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    font_size: float = 9.0
    repeat_header: bool = False
    # rows under which a thin rule is drawn in a three-line table (besides the header)
    rules_under: list[int] = field(default_factory=list)
    # partial rules under group headers: (row, first col, last col)
    group_rules: list[tuple[int, int, int]] = field(default_factory=list)
    left_cols: int = 1  # leading columns left-aligned (labels); the rest centred
    left_more: tuple[int, ...] = ()  # further body columns left-aligned (long texts)
    cell_margin: float | None = None  # left and right cell margins in cm (Word: 0.19)
    bold_rows: list[int] = field(default_factory=list)
    shade_every: int = 2  # zebra: body rows shaded in turn
    row_height: float = 15.0  # minimum row height in points (Word's "at least")
    # 分散对齐 (distributed) for these cells (row, col): header and label cells
    distribute: list[tuple[int, int]] = field(default_factory=list)
    # 竖排: cells whose text runs top to bottom (a narrow merged 片区 cell)
    vertical_text: list[tuple[int, int]] = field(default_factory=list)
    # Word's 文字方向 for those cells: tbRl (top to bottom, characters upright) or btLr
    # (the text turned 90° to read bottom to top, as narrow measure headers are set)
    text_direction: str = "tbRl"
    # every cell paragraph "keep with next": the table stays on one page with the
    # paragraph after it (a caption printed below the table)
    keep_with_next: bool = False
    # Word footnotes whose reference mark follows a cell's text: (row, col) → note text
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    # light grey fill for these rows (row-group captions), whatever the ruling
    shaded_rows: list[int] = field(default_factory=list)
    # rows of an exact height in points (Word's "fixed"), whatever their content
    exact_heights: dict[int, float] = field(default_factory=dict)
    # 斜线表头: cells (the top-left of a merged span) crossed by a line from their top-left
    # to their bottom-right corner, two labels on two lines (the first at the right, the
    # last at the left); the rows the cell spans must have `exact_heights`
    diagonal: list[tuple[int, int]] = field(default_factory=list)
    # how body cells right of the label columns are aligned: centred (most Word tables)
    # or right-aligned (figures pasted from an Excel sheet)
    number_align: str = "center"
    # Word's "allow row to break across pages" for the body rows (no w:cantSplit): a tall
    # row is continued on the next page instead of moved there whole
    split_rows: bool = False
    # font colour (hex RGB) of these cells' text: figures a template marks in red
    colors: dict[tuple[int, int], str] = field(default_factory=dict)
    # a fill of its own (hex RGB) for these rows, whatever the ruling: a highlighted row
    fills: dict[int, str] = field(default_factory=dict)


def _border(side: str, size: int, val: str = "single", color: str = "000000") -> Any:
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), val)
    if val != "nil":
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), color)
    return el


def _table_borders(tbl: DocxTable, sides: dict[str, int], color: str = "000000") -> None:
    tbl_pr = tbl._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        size = sides.get(side, 0)
        borders.append(_border(side, size, "single" if size else "nil", color))
    tbl_pr.append(borders)


def _cell_border(cell: Any, side: str, size: int) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        tc_pr.append(borders)
    for old in borders.findall(qn(f"w:{side}")):  # a merged cell is reached once per row
        borders.remove(old)
    borders.append(_border(side, size))


def _shade(cell: Any, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    if tc_pr.find(qn("w:shd")) is not None:  # a merged cell is reached once per row
        return
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _row_flags(
    row: Any, header: bool, height: float, exact: bool = False, split: bool = False
) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if not split:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))
    h = OxmlElement("w:trHeight")
    h.set(qn("w:val"), str(int(height * 20)))
    h.set(qn("w:hRule"), "exact" if exact else "atLeast")
    tr_pr.append(h)


def _span_of(g: Grid, r: int, c: int) -> tuple[int, int, int, int]:
    """The merged span whose top-left cell is (r, c), or the cell alone."""
    return next((s for s in g.spans if s[:2] == (r, c)), (r, c, r, c))


VML = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def _diagonal_line(cell: Any, g: Grid, r: int, c: int) -> None:
    """A 斜线表头's line as Word draws one in a cell (a VML line anchored in the cell's
    first paragraph, laid out in the cell): from the cell's top-left corner to its
    bottom-right one. LibreOffice does not draw a cell's `w:tl2br` border, so the line
    is a shape, as Word's old 绘制斜线表头 made it."""
    _, c0, r1, c1 = _span_of(g, r, c)
    margin = Cm(0.19 if g.cell_margin is None else g.cell_margin).pt
    width = Cm(sum(g.widths[c0 : c1 + 1])).pt
    height = sum(g.exact_heights[k] for k in range(r, r1 + 1))
    p = cell.paragraphs[0]
    line = parse_xml(
        f"<w:r {VML}><w:pict>"
        f'<v:line id="diagonal{r}_{c}" from="{-margin:.1f}pt,0" '
        f'to="{width - margin:.1f}pt,{height:.1f}pt" strokeweight="0.5pt" strokecolor="black" '
        'style="position:absolute;z-index:1;mso-position-horizontal-relative:text;'
        'mso-position-vertical-relative:line" o:allowincell="t"/></w:pict></w:r>'
    )
    p._p.insert(1 if p._p.pPr is not None else 0, line)


def add_table(doc: Document | Any, g: Grid, font: str) -> DocxTable:
    """Write a Grid: cells, merges, widths, rulings, shading, repeated header rows. `doc`
    is the document or a table cell (a table nested in a layout table's cell). A cell's
    text with line breaks is written as one paragraph per line."""
    n_rows, n_cols = len(g.rows), len(g.widths)
    if isinstance(doc, Document):
        tbl = doc.add_table(rows=n_rows, cols=n_cols)
    else:
        tbl = doc.add_table(n_rows, n_cols)
        # a cell starts with an empty paragraph: drop it (the table comes first)
        first = doc.paragraphs[0]._p
        if not first.xpath("string(.)"):
            first.getparent().remove(first)
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    grid_cols = tbl._tbl.tblGrid.findall(qn("w:gridCol"))
    for gc, w in zip(grid_cols, g.widths, strict=True):
        gc.set(qn("w:w"), str(int(Cm(w).twips)))
    for r, row in enumerate(tbl.rows):
        height = g.exact_heights.get(r, g.row_height)
        _row_flags(
            row,
            g.repeat_header and r < g.header_rows,
            height,
            r in g.exact_heights,
            g.split_rows and r >= g.header_rows,
        )
        for c, cell in enumerate(row.cells):
            cell.width = Cm(g.widths[c])
    merged: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in g.spans:
        tbl.cell(r0, c0).merge(tbl.cell(r1, c1))
        merged |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
    for r, texts in enumerate(g.rows):
        for c, text in enumerate(texts):
            if (r, c) in merged:
                continue
            cell = tbl.cell(r, c)
            left = c < g.left_cols or c in g.left_more
            align = "left" if left and r >= g.header_rows else "center"
            if r >= g.header_rows and not left:
                align = g.number_align
            if (r, c) in g.distribute:
                align = "distribute"
            bold = r < g.header_rows or r in g.bold_rows
            for k, line in enumerate((text or "").split("\n")):
                p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                if (r, c) in g.diagonal:
                    align = "right" if k == 0 else "left"
                p.alignment = ALIGN[align]
                p.paragraph_format.line_spacing = 1.0
                if g.keep_with_next:
                    p.paragraph_format.keep_with_next = True
                if line:
                    run = p.add_run(line)
                    run_font(run, font, g.font_size, bold)
                    if (r, c) in g.colors:
                        run.font.color.rgb = RGBColor.from_string(g.colors[(r, c)])
            if (r, c) in g.notes:
                footnote(cell.paragraphs[-1], g.notes[(r, c)], font, g.font_size)
            if r in g.shaded_rows:
                _shade(cell, "E7E6E6")
            if r in g.fills:
                _shade(cell, g.fills[r])
            cell.vertical_alignment = 1  # centre
            if (r, c) in g.diagonal:
                cell.vertical_alignment = 0  # top: the line starts at the cell's corner
                _diagonal_line(cell, g, r, c)
            if (r, c) in g.vertical_text:
                direction = OxmlElement("w:textDirection")
                direction.set(qn("w:val"), g.text_direction)
                cell._tc.get_or_add_tcPr().append(direction)
    if g.cell_margin is not None:
        mar = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:w"), str(int(Cm(g.cell_margin).twips)))
            el.set(qn("w:type"), "dxa")
            mar.append(el)
        tbl._tbl.tblPr.append(mar)
    _rule(tbl, g)
    return tbl


def _rule(tbl: DocxTable, g: Grid) -> None:
    heavy, thin = 12, 6
    last_header = g.header_rows - 1
    if g.ruling == "grid":
        _table_borders(
            tbl, {s: thin for s in ("top", "left", "bottom", "right", "insideH", "insideV")}
        )
    elif g.ruling == "excel":
        # an Excel range pasted into Word: every cell ruled with a thin grey line (0.5 pt
        # 浅灰), the header rows shaded grey (the header's bold is the Grid's)
        sides = ("top", "left", "bottom", "right", "insideH", "insideV")
        _table_borders(tbl, dict.fromkeys(sides, 4), "A6A6A6")
        for r in range(g.header_rows):
            for c in range(len(g.widths)):
                _shade(tbl.cell(r, c), "D9D9D9")
    elif g.ruling == "vertical":
        sides = ("left", "right", "insideV", "top", "bottom")
        _table_borders(tbl, dict.fromkeys(sides, thin))
        for c in range(len(g.widths)):
            _cell_border(tbl.cell(last_header, c), "bottom", thin)
    elif g.ruling == "horizontal":
        _table_borders(tbl, {"top": heavy, "bottom": heavy, "insideH": thin})
    elif g.ruling == "three_line":
        _table_borders(tbl, {"top": heavy, "bottom": heavy})
        for c in range(len(g.widths)):
            _cell_border(tbl.cell(last_header, c), "bottom", thin)
        for r in g.rules_under:
            for c in range(len(g.widths)):
                _cell_border(tbl.cell(r, c), "bottom", thin)
        for r, c0, c1 in g.group_rules:
            for c in range(c0, c1 + 1):
                _cell_border(tbl.cell(r, c), "bottom", 4)
    elif g.ruling == "double_dashed":
        # double rules above and below, dashed rules between rows, plain between columns
        _table_borders(tbl, {"insideV": thin})
        borders = tbl._tbl.tblPr.find(qn("w:tblBorders"))
        for side, val in (("top", "double"), ("bottom", "double"), ("insideH", "dashed")):
            for old in borders.findall(qn(f"w:{side}")):
                borders.remove(old)
            borders.append(_border(side, 4, val))
        for c in range(len(g.widths)):
            _cell_border(tbl.cell(last_header, c), "bottom", thin)
    elif g.ruling == "dotted":
        # a frame of plain rules, dotted rules between rows and columns
        _table_borders(tbl, {s: thin for s in ("top", "left", "bottom", "right")})
        borders = tbl._tbl.tblPr.find(qn("w:tblBorders"))
        for side in ("insideH", "insideV"):
            for old in borders.findall(qn(f"w:{side}")):
                borders.remove(old)
            borders.append(_border(side, 4, "dotted"))
        for c in range(len(g.widths)):
            _cell_border(tbl.cell(last_header, c), "bottom", thin)
    elif g.ruling in ("zebra", "zebra_lines"):
        # zebra: shading only; zebra_lines: shading and a thin rule above and below
        _table_borders(tbl, {"top": thin, "bottom": thin} if g.ruling == "zebra_lines" else {})
        for r in range(len(g.rows)):
            if r < g.header_rows:
                fill = "BFBFBF"
            elif (r - g.header_rows) % g.shade_every == 0:
                fill = "E7E6E6"
            else:
                continue
            for c in range(len(g.widths)):
                _shade(tbl.cell(r, c), fill)


def side_by_side(doc: Document, grids: Sequence[Grid], widths: Sequence[float], font: str) -> None:
    """Small tables placed side by side, as Word users do it: a layout table without
    borders whose cells each hold one table (nested), two or more to a row."""
    per_row = len(widths)
    n_rows = -(-len(grids) // per_row)
    layout = doc.add_table(rows=n_rows, cols=per_row)
    layout.alignment = WD_TABLE_ALIGNMENT.CENTER
    layout.autofit = False
    for gc, w in zip(layout._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        gc.set(qn("w:w"), str(int(Cm(w).twips)))
    _table_borders(layout, {})
    for i, g in enumerate(grids):
        cell = layout.cell(i // per_row, i % per_row)
        cell.width = Cm(widths[i % per_row])
        cell.vertical_alignment = 0  # top
        add_table(cell, g, font)


# ---------------------------------------------------------------- footnotes, contents

W_MAIN = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _footnotes(doc: Document) -> Any:
    """The document's footnotes part (word/footnotes.xml), made on first use with the
    separator notes Word writes (ids -1 and 0)."""
    for rel in doc.part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            return rel.target_part
    xml = (
        f"<w:footnotes {W_MAIN}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>"
    )
    part = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, parse_xml(xml), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    return part


def footnote(p: Paragraph, text: str, font: str, size: float) -> None:
    """A Word footnote: a superscript reference mark run at the end of `p` (numbered by
    Word in order: 1, 2, …) and the note's text at the foot of the page."""
    doc = p.part.document
    part = _footnotes(doc)
    nid = len(part.element.findall(qn("w:footnote"))) - 1  # after the two separators
    run = p.add_run()
    run_font(run, font, size)
    rpr = run._element.get_or_add_rPr()
    va = OxmlElement("w:vertAlign")
    va.set(qn("w:val"), "superscript")
    rpr.append(va)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(nid))
    run._element.append(ref)
    half = 18  # 9 pt in half points
    note = parse_xml(
        f'<w:footnote {W_MAIN} w:id="{nid}"><w:p>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:r><w:rPr><w:rFonts w:eastAsia="{font}" w:hint="eastAsia"/>'
        f'<w:vertAlign w:val="superscript"/><w:sz w:val="{half}"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr><w:rFonts w:eastAsia="{font}" w:hint="eastAsia"/><w:sz w:val="{half}"/>'
        f'</w:rPr><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
    )
    part.element.append(note)


COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


def _comments(doc: Document) -> Any:
    """The document's comments part (word/comments.xml), made on first use."""
    for rel in doc.part.rels.values():
        if rel.reltype == RT.COMMENTS:
            return rel.target_part
    part = XmlPart(
        PackURI("/word/comments.xml"),
        COMMENTS_TYPE,
        parse_xml(f"<w:comments {W_MAIN}></w:comments>"),
        doc.part.package,
    )
    doc.part.relate_to(part, RT.COMMENTS)
    return part


def comment(
    p: Paragraph, text: str, author: str, initials: str, when: dt.datetime, size: float = 9
) -> None:
    """A Word comment (批注, 审阅 › 新建批注) on the whole of paragraph `p`: the range
    marks around its runs, the reference run at its end, the comment's text in
    word/comments.xml under `author` at the fixed time `when` (a rebuild gives the same
    document). Where the PDF export prints comments (in the margin) depends on the
    export filter's options, not on the document."""
    part = _comments(p.part.document)
    cid = str(len(part.element.findall(qn("w:comment"))))
    start = OxmlElement("w:commentRangeStart")
    start.set(qn("w:id"), cid)
    ppr = p._p.find(qn("w:pPr"))
    p._p.insert(0 if ppr is None else 1, start)
    end = OxmlElement("w:commentRangeEnd")
    end.set(qn("w:id"), cid)
    p._p.append(end)
    ref = p.add_run()
    ref_el = OxmlElement("w:commentReference")
    ref_el.set(qn("w:id"), cid)
    ref._element.append(ref_el)
    half = int(size * 2)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    note = parse_xml(
        f'<w:comment {W_MAIN} w:id="{cid}" w:author="{author}" w:date="{stamp}" '
        f'w:initials="{initials}"><w:p><w:r><w:rPr><w:sz w:val="{half}"/></w:rPr>'
        f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:comment>'
    )
    part.element.append(note)


def bookmark(p: Paragraph, name: str) -> None:
    """A bookmark around a paragraph (a heading a contents entry points at)."""
    body = p.part.document.element.body
    bid = str(len(body.findall(".//" + qn("w:bookmarkStart"))) + 1)
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), bid)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), bid)
    ppr = p._p.find(qn("w:pPr"))
    p._p.insert(0 if ppr is None else 1, start)
    p._p.append(end)


def contents_entry(
    doc: Document,
    text: str,
    target: str,
    *,
    font: str,
    size: float,
    tab_cm: float,
    indent_chars: float = 0.0,
) -> None:
    """One line of a 目录 as Word's contents make it: the heading, a right tab with a dot
    leader, and the page number as a PAGEREF field to the heading's bookmark (computed
    by LibreOffice when it lays the document out)."""
    p = paragraph(doc, text, font=font, size=size, align="left", base_size=size)
    pf = p.paragraph_format
    if indent_chars:
        pf.left_indent = Pt(size * indent_chars)
    pf.tab_stops.add_tab_stop(Cm(tab_cm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    run_font(p.add_run("\t"), font, size)
    _field(p, f"PAGEREF {target} \\h", font, size)


def frame(
    doc: Document,
    lines: Sequence[tuple[str, float, bool]],
    *,
    font: str,
    x_cm: float,
    y_cm: float,
    width_cm: float,
    border: int = 8,
) -> None:
    """A floating frame (Word's 图文框, `w:framePr`) at a fixed place on the page,
    bordered, the text flowing around it: one paragraph per (text, size, bold) line,
    centred. Consecutive paragraphs with the same frame properties make one frame."""
    for text, size, bold in lines:
        p = paragraph(doc, text, font=font, size=size, bold=bold, align="center")
        p.paragraph_format.line_spacing = 1.2
        ppr = p._p.get_or_add_pPr()
        fp = OxmlElement("w:framePr")
        for key, value in (
            ("w:w", str(round(width_cm * 567))),
            ("w:hSpace", "180"),
            ("w:vSpace", "113"),
            ("w:wrap", "around"),
            ("w:vAnchor", "page"),
            ("w:hAnchor", "page"),
            ("w:x", str(round(x_cm * 567))),
            ("w:y", str(round(y_cm * 567))),
        ):
            fp.set(qn(key), value)
        bdr = OxmlElement("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            edge = _border(side, border)
            edge.set(qn("w:space"), "4")
            bdr.append(edge)
        ppr.insert(0, bdr)
        ppr.insert(0, fp)


def boxed(
    doc: Document,
    lines: Sequence[tuple[str, float, bool]],
    *,
    font: str,
    border: int = 12,
    fill: str = "F2F2F2",
    indent_cm: float = 1.0,
) -> None:
    """A boxed conclusion in the body text, as Word's 边框和底纹 › 方框 sets it on
    paragraphs: consecutive paragraphs with the same border and shading make one box
    (a light grey fill) indented from both margins; one centred paragraph per (text,
    size, bold) line. Not a frame (`frame`) nor a table: it flows with the text."""
    for text, size, bold in lines:
        p = paragraph(doc, text, font=font, size=size, bold=bold, align="center")
        pf = p.paragraph_format
        pf.left_indent = pf.right_indent = Cm(indent_cm)
        pf.line_spacing = 1.5
        ppr = p._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            edge = _border(side, border)
            edge.set(qn("w:space"), "6")
            bdr.append(edge)
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        # schema order in w:pPr: … pBdr, shd, tabs, … spacing, ind, jc
        after = next(
            (
                el
                for el in (ppr.find(qn(f"w:{t}")) for t in ("spacing", "ind", "jc"))
                if el is not None
            ),
            None,
        )
        if after is not None:
            after.addprevious(bdr)
            after.addprevious(shd)
        else:
            ppr.append(bdr)
            ppr.append(shd)


def shaded_band(p: Paragraph, fill: str = "D9D9D9") -> None:
    """A heading set on a grey band across the text width, as Word's 边框和底纹 › 底纹
    applied to a paragraph draws it (`w:shd` in the paragraph's properties, no border):
    the fill runs from margin to margin, whatever the heading's length."""
    ppr = p._p.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    # schema order in w:pPr: … pBdr, shd, tabs, … spacing, ind, jc
    after = next(
        (
            el
            for el in (ppr.find(qn(f"w:{t}")) for t in ("tabs", "spacing", "ind", "jc"))
            if el is not None
        ),
        None,
    )
    if after is not None:
        after.addprevious(shd)
    else:
        ppr.append(shd)


# ---------------------------------------------------------------- symbols and images


def symbol_run(p: Paragraph, char: str, font: str, size: float) -> None:
    """A glyph of a symbol font (Wingdings: U+F0D8 ``, U+F0A7 ``) as Word's Insert ›
    Symbol and bullet library write it: a `w:sym` element naming the font and the
    private-use code point."""
    run = p.add_run()
    run.font.size = Pt(size)
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), font)
    sym.set(qn("w:char"), f"{ord(char):04X}")
    run._element.append(sym)


def square_png(cells: Sequence[str], scale: int = 8) -> bytes:
    """A black-and-white PNG drawn from rows of '#' and '.' (a QR-code-like square),
    written byte for byte here so that the same rows always give the same file."""
    import struct
    import zlib

    size = len(cells) * scale
    raw = bytearray()
    for row in cells:
        line = bytearray([0])  # filter type 0 per scanline
        for ch in row:
            line += bytes([0 if ch == "#" else 255]) * scale
        raw += bytes(line) * scale

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    head = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)  # 8-bit greyscale
    # pHYs: 96 dpi (3780 pixels a metre), so the picture's natural size is fixed
    phys = struct.pack(">IIB", 3780, 3780, 1)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", head)
        + chunk(b"pHYs", phys)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


def logo_header(
    doc: Document,
    logo: str,
    image: bytes,
    font: str,
    *,
    size: float = 10.5,
    side_cm: float = 1.3,
    right: str = "",
    footer_logo: str = "",
) -> None:
    """A running header (none on the cover) with the evaluator's logo text at the left
    margin and a small square picture (a QR code to its website) at the right one,
    through a right tab, a rule under it; with `footer_logo`, a footer of two centred
    lines, 第 X 页 (a PAGE field) over the evaluator's logo line. Every later section
    links to the first one's header and footer."""
    import io

    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    p = sec.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    width = sec.page_width - sec.left_margin - sec.right_margin
    tabs = p.paragraph_format.tab_stops
    style_tabs = p.style.paragraph_format.tab_stops if p.style is not None else []
    for stop in style_tabs:  # the Header style's centre and right tabs, cleared
        tabs.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    run_font(p.add_run(logo), font, size, bold=True)
    if right:
        run_font(p.add_run(f"  {right}"), font, size - 1.5)
    run_font(p.add_run("\t"), font, size)
    p.add_run().add_picture(io.BytesIO(image), width=Cm(side_cm), height=Cm(side_cm))
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bdr.append(_border("bottom", 6))
    ppr.append(bdr)
    if footer_logo:
        f = sec.footer.paragraphs[0]
        f.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run_font(f.add_run("第 "), font, size - 1.5)
        _field(f, "PAGE", font, size - 1.5)
        run_font(f.add_run(" 页"), font, size - 1.5)
        g = sec.footer.add_paragraph()
        g.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run_font(g.add_run(footer_logo), font, size - 2)


# ---------------------------------------------------------------- tab-stop tables, mirrored footers


@dataclass(frozen=True)
class TabStop:
    """One tab stop of a tabbed line: its position from the left margin (cm) and how
    the text after the tab aligns on it."""

    cm: float
    align: Literal["left", "center", "right"] = "right"


TAB_ALIGN = {
    "left": WD_TAB_ALIGNMENT.LEFT,
    "center": WD_TAB_ALIGNMENT.CENTER,
    "right": WD_TAB_ALIGNMENT.RIGHT,
}


def tab_line(
    doc: Document,
    cells: Sequence[str],
    stops: Sequence[TabStop],
    *,
    font: str,
    size: float,
    bold: bool = False,
    rule_above: int = 0,
    rule_below: int = 0,
) -> Paragraph:
    """One line of a table typed with tab stops, as many people type a small table in
    Word: no Word table at all, the first cell at the left margin and every further
    cell after a tab, aligned on its stop (right-aligned figures, centred group
    headers); a rule above or below (paragraph border, eighths of a point) where a
    three-line table would draw one. pdfplumber finds no table here: no cell edges."""
    if len(cells) != len(stops) + 1:
        raise ValueError(f"{len(cells)} cells for {len(stops)} tab stops")
    p = paragraph(doc, font=font, align="left", base_size=size)
    pf = p.paragraph_format
    pf.line_spacing = 1.3
    for stop in stops:
        pf.tab_stops.add_tab_stop(Cm(stop.cm), TAB_ALIGN[stop.align])
    run_font(p.add_run("\t".join(cells)), font, size, bold)
    if rule_above or rule_below:
        ppr = p._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        if rule_above:
            bdr.append(_border("top", rule_above))
        if rule_below:
            bdr.append(_border("bottom", rule_below))
        # schema order in w:pPr: keepNext … pBdr, shd, tabs, … spacing, ind, jc
        after = next(
            (
                el
                for el in (ppr.find(qn(f"w:{t}")) for t in ("shd", "tabs", "spacing", "ind", "jc"))
                if el is not None
            ),
            None,
        )
        if after is not None:
            after.addprevious(bdr)
        else:
            ppr.append(bdr)
    return p


def mirrored_page_numbers(doc: Document, font: str, size: float = 10.5) -> None:
    """Page numbers 第 X 页 at the outer edge of the page, as a report printed on both
    sides and bound at the left is set up (Word's 奇偶页不同): at the right on odd pages,
    at the left on even ones, none on the cover (the first page). Every later section's
    odd and even footers are linked to the first section's."""
    doc.settings.odd_and_even_pages_header_footer = True
    for i, sec in enumerate(doc.sections):
        sec.footer.is_linked_to_previous = i > 0
        sec.even_page_footer.is_linked_to_previous = i > 0
        if i > 0:
            continue
        sec.different_first_page_header_footer = True
        for footer, align in ((sec.footer, "right"), (sec.even_page_footer, "left")):
            p = footer.paragraphs[0]
            p.alignment = ALIGN[align]
            run_font(p.add_run("第 "), font, size)
            _field(p, "PAGE", font, size)
            run_font(p.add_run(" 页"), font, size)


def _page_numbering(sec: Any, fmt: str, start: int | None) -> None:
    """The section's `w:pgNumType` (number format, start), in its schema place."""
    num = sec._sectPr.find(qn("w:pgNumType"))
    if num is None:
        num = OxmlElement("w:pgNumType")
        cols = sec._sectPr.find(qn("w:cols"))  # schema order: pgNumType before cols
        if cols is None:
            sec._sectPr.append(num)
        else:
            cols.addprevious(num)
    num.set(qn("w:fmt"), fmt)
    if start is not None:
        num.set(qn("w:start"), str(start))


def roman_front_matter(doc: Document, font: str, size: float = 10.5) -> None:
    """Front matter numbered apart from the body, as Word does with a section break and
    页码格式: the first section's pages (cover, 说明) numbered I, II in upper-case Roman
    numerals, every later section's from 1 in Arabic figures (起始页码 1 on the second
    section). The same centred PAGE field in every footer; the format is the section's."""
    for i, sec in enumerate(doc.sections):
        sec.footer.is_linked_to_previous = i > 0
        if i == 0:
            p = sec.footer.paragraphs[0]
            p.alignment = ALIGN["center"]
            _field(p, "PAGE", font, size)
            _page_numbering(sec, "upperRoman", 1)
        else:
            _page_numbering(sec, "decimal", 1 if i == 1 else None)


def score_card(
    doc: Document,
    lines: Sequence[tuple[str, float, bool]],
    *,
    font: str,
    width_cm: float = 7.0,
    fill: str = "D9D9D9",
    border: int = 8,
) -> DocxTable:
    """A result shown big in a shaded ONE-CELL table centred on the page (综合得分 over
    the figure in a large size), as evaluators set a score card: one centred paragraph
    per (text, size, bold) line, grey fill, a single border all round."""
    tbl = doc.add_table(rows=1, cols=1)
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    tbl._tbl.tblGrid.findall(qn("w:gridCol"))[0].set(qn("w:w"), str(int(Cm(width_cm).twips)))
    cell = tbl.cell(0, 0)
    cell.width = Cm(width_cm)
    for k, (text, size, bold) in enumerate(lines):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        p.alignment = ALIGN["center"]
        p.paragraph_format.line_spacing = 1.2
        p.paragraph_format.space_before = Pt(4 if k == 0 else 0)
        p.paragraph_format.space_after = Pt(4 if k == len(lines) - 1 else 0)
        run_font(p.add_run(text), font, size, bold)
    _shade(cell, fill)
    cell.vertical_alignment = 1  # centre
    _table_borders(tbl, {s: border for s in ("top", "left", "bottom", "right")})
    return tbl


# ---------------------------------------------------------------- a seal over the signature


def seal_png(ring: str, size: int = 360, font_file: str | None = None) -> bytes:
    """A round red seal (公章) as offices scan and paste one: a ring, a five-pointed star
    in the middle and `ring`'s characters set round the upper arc, red on a transparent
    ground (Pillow; the same text and font always give the same file)."""
    import io
    import math

    from PIL import Image, ImageDraw, ImageFont

    red = (210, 30, 30, 215)
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    d.ellipse((6, 6, size - 6, size - 6), outline=red, width=max(4, size // 40))
    star = [
        (
            c + (size * (0.16 if k % 2 == 0 else 0.065)) * math.sin(math.pi * k / 5),
            c - (size * (0.16 if k % 2 == 0 else 0.065)) * math.cos(math.pi * k / 5),
        )
        for k in range(10)
    ]
    d.polygon(star, fill=red)
    if font_file:
        font = ImageFont.truetype(font_file, int(size * 0.11))
        n = len(ring)
        span = math.radians(250)
        for k, ch in enumerate(ring):
            angle = -span / 2 + span * (k + 0.5) / n  # from the left, over the top
            glyph = Image.new("RGBA", (int(size * 0.16), int(size * 0.16)), (0, 0, 0, 0))
            ImageDraw.Draw(glyph).text(
                (glyph.width / 2, glyph.height / 2), ch, font=font, fill=red, anchor="mm"
            )
            glyph = glyph.rotate(-math.degrees(angle), resample=Image.Resampling.BICUBIC)
            r = size * 0.36
            x = c + r * math.sin(angle) - glyph.width / 2
            y = c - r * math.cos(angle) - glyph.height / 2
            img.alpha_composite(glyph, (int(x), int(y)))
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=False, dpi=(96, 96))
    return out.getvalue()


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def floating_picture(
    p: Paragraph, image: bytes, side_cm: float, x_cm: float, y_cm: float, pid: int = 900
) -> None:
    """A picture floating in front of the text (Word's 浮于文字上方, `wp:anchor` with no
    wrapping), placed `x_cm` from the column's left edge and `y_cm` below the top of
    paragraph `p`: a scanned seal pressed over the evaluator's name and the date."""
    import io

    run = p.add_run()
    run.add_picture(io.BytesIO(image), width=Cm(side_cm), height=Cm(side_cm))
    inline = run._element.find(".//" + qn("wp:inline"))
    emu = int(Cm(side_cm).emu)
    anchor = parse_xml(
        f'<wp:anchor xmlns:wp="{WP}" distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(Cm(x_cm).emu)}</wp:posOffset>'
        "</wp:positionH>"
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{int(Cm(y_cm).emu)}'
        "</wp:posOffset></wp:positionV>"
        f'<wp:extent cx="{emu}" cy="{emu}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        "<wp:wrapNone/></wp:anchor>"
    )
    for child in list(inline):
        if child.tag in (qn("wp:docPr"), qn("wp:cNvGraphicFramePr"), qn("a:graphic")):
            if child.tag == qn("wp:docPr"):
                child.set("id", str(pid))
            anchor.append(child)
    inline.getparent().replace(inline, anchor)


# ---------------------------------------------------------------- floating text box

DRAWING_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


def text_box(
    p: Paragraph,
    lines: Sequence[tuple[str, float, bool]],
    *,
    font: str,
    width_cm: float,
    height_cm: float,
    shape_id: int,
    fill: str = "F2F2F2",
    border_pt: float = 1.0,
) -> None:
    """A floating text box (Word's 插入 › 文本框: a DrawingML shape `wps:wsp` with a
    `w:txbxContent`), anchored to paragraph `p`, aligned to the right margin level with
    the paragraph's top, the paragraph's text wrapping round it (四周型), bordered and
    filled; one centred paragraph per (text, size, bold) line. Not a frame (`frame`,
    `w:framePr`) nor a table: a drawing object whose text LibreOffice exports as text."""
    cx, cy = int(Cm(width_cm)), int(Cm(height_cm))
    paras = "".join(
        '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="300" w:lineRule="auto"/>'
        '<w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
        f'w:eastAsia="{font}"/>{"<w:b/>" if bold else ""}'
        f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/></w:rPr>'
        f"<w:t>{text}</w:t></w:r></w:p>"
        for text, size, bold in lines
    )
    run = parse_xml(
        f"<w:r {DRAWING_NS}><w:drawing>"
        '<wp:anchor distT="45720" distB="45720" distL="180340" distR="0" simplePos="0" '
        f'relativeHeight="{251659264 + shape_id}" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="0">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/>'
        f'<wp:docPr id="{shape_id}" name="文本框 {shape_id}"/>'
        "<wp:cNvGraphicFramePr/>"
        "<a:graphic><a:graphicData "
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>'
        f'<a:ln w="{int(border_pt * 12700)}"><a:solidFill><a:srgbClr val="000000"/>'
        "</a:solidFill></a:ln></wps:spPr>"
        f"<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" '
        'rIns="91440" bIns="45720" anchor="ctr"><a:noAutofit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    p._p.insert(1 if p._p.pPr is not None else 0, run)


# ---------------------------------------------------------------- a header set in a table


def header_table(
    doc: Document,
    cells: Sequence[str],
    widths: Sequence[float],
    font: str,
    *,
    size: float = 9.0,
    bold: Sequence[int] = (0,),
) -> None:
    """A running header typed as a small ruled TABLE (a document-control block of
    ISO-style templates): one row, one cell per text of `cells`, none on the cover
    (first page); a cell reading `{page}` prints 第 X 页 共 Y 页 (PAGE and NUMPAGES
    fields). Word needs a paragraph after a table in a header: the header's own empty
    paragraph stays after the table, set small. Every later section links to it."""
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    header = sec.header
    tbl = header.add_table(1, len(cells), Cm(sum(widths)))
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    for gc, w in zip(tbl._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        gc.set(qn("w:w"), str(int(Cm(w).twips)))
    _table_borders(tbl, dict.fromkeys(("top", "left", "bottom", "right", "insideV"), 6))
    _row_flags(tbl.rows[0], False, 18)
    for c, text in enumerate(cells):
        cell = tbl.cell(0, c)
        cell.width = Cm(widths[c])
        cell.vertical_alignment = 1  # centre
        p = cell.paragraphs[0]
        p.alignment = ALIGN["center"]
        p.paragraph_format.line_spacing = 1.0
        if text == "{page}":
            run_font(p.add_run("第 "), font, size)
            _field(p, "PAGE", font, size)
            run_font(p.add_run(" 页 共 "), font, size)
            _field(p, "NUMPAGES", font, size)
            run_font(p.add_run(" 页"), font, size)
        else:
            run_font(p.add_run(text), font, size, c in bold)
    first = header.paragraphs[0]
    first._p.addprevious(tbl._tbl)  # the table first, the empty paragraph after it
    first.paragraph_format.line_spacing = 1.0
    first.paragraph_format.space_after = Pt(0)
    mark = OxmlElement("w:rPr")  # the paragraph mark's size: 4 pt
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "8")
    mark.append(sz)
    first._p.get_or_add_pPr().append(mark)


# ---------------------------------------------------------------- Word lists


def bullet_list(
    doc: Document, chars: Sequence[str], font: str, size: float, hang_cm: float = 0.74
) -> int:
    """A Word multilevel bullet list (项目符号, numbering.xml): level k prints `chars[k]`
    in `font`, its text indented one step further than level k − 1's. Returns the list's
    `numId` for `list_level`."""
    root = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in root.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in root.findall(qn("w:num"))]
    aid, nid = max(abstract_ids, default=-1) + 1, max(num_ids, default=0) + 1
    hang = int(Cm(hang_cm).twips)
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'<w:lvlText w:val="{char}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{hang * (k + 1)}" w:hanging="{hang}"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" '
        f'w:hint="eastAsia"/><w:sz w:val="{round(size * 2)}"/></w:rPr></w:lvl>'
        for k, char in enumerate(chars)
    )
    abstract = parse_xml(
        f'<w:abstractNum {W_MAIN} w:abstractNumId="{aid}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
    )
    first_num = root.find(qn("w:num"))
    if first_num is not None:  # schema order: every abstractNum before the nums
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    root.append(
        parse_xml(f'<w:num {W_MAIN} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>')
    )
    return nid


def list_level(p: Paragraph, num_id: int, level: int) -> None:
    """Make `p` an entry of the Word list `num_id` at `level` (0 the top)."""
    num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
