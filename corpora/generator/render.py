"""Render a `DocSpec` to a PDF that reads like a Word export of an evaluation report.

The corpus needs PDFs whose text layer behaves like the real ones (CJK wrapping, page
numbers in the flow, merged table headers, landscape appendices, comment annotations),
and byte-identical output for the same spec so gold files never drift. reportlab's
`invariant=1` removes timestamps and random ids; nothing here reads the clock.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable

from corpora.generator.blocks import (
    Annotation,
    Block,
    DocSpec,
    Heading,
    PageBreak,
    Para,
    Spacer,
    Table,
    Title,
)

# Debian paths first; the TTC's first face is the simplified-Chinese one in both files.
CJK_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
)
EMBEDDED_NAME = "PingguCJK"
CID_NAME = "STSong-Light"

# Word's default A4 margins are ~2.54 cm top/bottom, 3.17 cm left/right; landscape
# appendix pages in these reports use narrow margins so the wide tables fit.
PORTRAIT_MARGINS = (88.0, 72.0, 88.0, 72.0)  # left, top, right, bottom
LANDSCAPE_MARGINS = (30.0, 36.0, 30.0, 40.0)
FOOTER_Y = 36.0
LANDSCAPE_FOOTER_Y = 18.0
# Fake-bold stroke width as a share of the font size: thick enough to look bold at
# 50 dpi, thin enough that glyphs do not clog.
BOLD_STROKE = 0.035


class FontError(RuntimeError):
    """No usable CJK font on this machine."""


def register_font(mode: str) -> str:
    """Register the body font for `mode` and return its reportlab name."""
    if mode == "cid":
        if CID_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CID_NAME))
        return CID_NAME
    if EMBEDDED_NAME in pdfmetrics.getRegisteredFontNames():
        return EMBEDDED_NAME
    for path in CJK_FONT_CANDIDATES:
        if path.exists():
            pdfmetrics.registerFont(TTFont(EMBEDDED_NAME, str(path), subfontIndex=0))
            return EMBEDDED_NAME
    raise FontError(
        "no CJK TrueType font found; install the Debian package fonts-wqy-microhei "
        "(or fonts-arphic-uming): tried " + ", ".join(str(p) for p in CJK_FONT_CANDIDATES)
    )


class BoldParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph drawn once with fill+stroke text (render mode 2).

    Word exports of these reports use a bold face; we fake it with a stroke so each
    character is still drawn exactly once and the text layer is not doubled.
    """

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(self.style.fontSize * BOLD_STROKE)
        canv.setStrokeColor(colors.black)
        canv._code.append("2 Tr")
        Paragraph.draw(self)
        canv._code.append("0 Tr")
        canv.restoreState()


class CommentFlowable(Flowable):  # type: ignore[misc]
    """Zero-height marker that drops a /Text comment on the page it lands on."""

    def __init__(self, author: str, contents: str) -> None:
        super().__init__()
        self.author = author
        self.contents = contents
        self.width = 0
        self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self.canv.textAnnotation(
            self.contents,
            Rect=(x + 2, y, x + 22, y + 20),
            relative=0,
            T=PDFString(self.author),
            Open="false",
            Name="/Comment",
        )


class _Styles:
    """ParagraphStyles derived from the spec's font and body size."""

    def __init__(self, font: str, spec: DocSpec) -> None:
        size, leading = spec.body_size, spec.leading
        self.font = font
        self.body = ParagraphStyle(
            "body",
            fontName=font,
            fontSize=size,
            leading=leading,
            wordWrap="CJK",
            alignment=TA_JUSTIFY,
            firstLineIndent=2 * size,
        )
        self.title = ParagraphStyle(
            "title",
            fontName=font,
            fontSize=size * 1.9,
            leading=size * 3.2,
            alignment=TA_CENTER,
            wordWrap="CJK",
        )
        self.headings = {
            1: ParagraphStyle("h1", parent=self.body, firstLineIndent=2 * size),
            2: ParagraphStyle("h2", parent=self.body, firstLineIndent=2 * size),
            3: ParagraphStyle("h3", parent=self.body, firstLineIndent=2 * size),
            4: ParagraphStyle("h4", parent=self.body, firstLineIndent=2 * size),
        }

    def para(self, block: Para) -> ParagraphStyle:
        align = {"left": TA_LEFT, "center": TA_CENTER, "justify": TA_JUSTIFY}[block.align]
        size = block.size or self.body.fontSize
        scale = size / self.body.fontSize
        return ParagraphStyle(
            "p",
            parent=self.body,
            fontSize=size,
            leading=self.body.leading * scale,
            alignment=align,
            firstLineIndent=2 * size if block.indent else 0,
        )

    def cell(self, size: float) -> ParagraphStyle:
        return ParagraphStyle(
            "cell",
            fontName=self.font,
            fontSize=size,
            leading=size * 1.2,
            alignment=TA_CENTER,
            wordWrap="CJK",
        )


def _text(s: str) -> str:
    """Escape for Paragraph markup; keep line breaks the author asked for."""
    return escape(s).replace("\n", "<br/>")


def _auto_widths(rows: list[list[str | None]], total: float) -> list[float]:
    """Share `total` between columns by their longest unspanned text, clamped."""
    ncols = max(len(r) for r in rows)
    weights = []
    for c in range(ncols):
        longest = max((len(r[c] or "") for r in rows if c < len(r)), default=1)
        weights.append(min(max(longest, 2), 12))
    s = sum(weights)
    return [total * w / s for w in weights]


def _table(block: Table, styles: _Styles, frame_width: float) -> list[Flowable]:
    cell_style = styles.cell(block.font_size)
    data = [[Paragraph(_text(c), cell_style) if c else "" for c in row] for row in block.rows]
    widths = block.col_widths or _auto_widths(block.rows, frame_width)
    if sum(widths) > frame_width + 0.5:
        scale = frame_width / sum(widths)
        widths = [w * scale for w in widths]
    pad = max(1.0, block.font_size * 0.25)
    cmds: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
    ]
    cmds += [("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in block.spans]
    if block.ruled:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    else:
        last_header = block.header_rows - 1
        cmds += [
            ("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black),
            ("LINEBELOW", (0, last_header), (-1, last_header), 0.5, colors.black),
            ("LINEBELOW", (0, -1), (-1, -1), 1.0, colors.black),
        ]
    table = RLTable(
        data,
        colWidths=widths,
        repeatRows=block.header_rows if block.repeat_header else 0,
        style=TableStyle(cmds),
        hAlign="CENTER",
    )
    out: list[Flowable] = []
    if block.caption:
        cap = ParagraphStyle(
            "caption",
            parent=styles.body,
            fontSize=block.font_size + 2,
            leading=(block.font_size + 2) * 1.6,
            alignment=TA_CENTER,
            firstLineIndent=0,
        )
        out.append(BoldParagraph(_text(block.caption), cap))
    out.append(table)
    return out


def _flowables(spec: DocSpec, styles: _Styles) -> list[Flowable]:
    portrait_w = A4[0] - PORTRAIT_MARGINS[0] - PORTRAIT_MARGINS[2]
    landscape_w = A4[1] - LANDSCAPE_MARGINS[0] - LANDSCAPE_MARGINS[2]
    width = portrait_w
    out: list[Flowable] = []
    block: Block
    for block in spec.blocks:
        if isinstance(block, Title):
            out.append(RLSpacer(1, 150))
            out += [BoldParagraph(_text(line), styles.title) for line in block.lines]
        elif isinstance(block, Heading):
            style = styles.headings.get(block.level, styles.body)
            cls = BoldParagraph if block.bold and block.level <= 3 else Paragraph
            out.append(cls(_text(block.text), style))
        elif isinstance(block, Para):
            cls = BoldParagraph if block.bold else Paragraph
            out.append(cls(_text(block.text), styles.para(block)))
        elif isinstance(block, Table):
            out += _table(block, styles, width)
        elif isinstance(block, PageBreak):
            out += [NextPageTemplate(block.orientation), RLPageBreak()]
            width = landscape_w if block.orientation == "landscape" else portrait_w
        elif isinstance(block, Spacer):
            out.append(RLSpacer(1, block.height))
        elif isinstance(block, Annotation):
            out.append(CommentFlowable(block.author, block.contents))
    return out


def _doc(spec: DocSpec, path: Path, font: str) -> BaseDocTemplate:
    skip_first = bool(spec.blocks) and isinstance(spec.blocks[0], Title)

    def footer(y: float):  # type: ignore[no-untyped-def]
        def draw(canv: Any, doc: Any) -> None:
            if not spec.page_numbers or (skip_first and doc.page == 1):
                return
            canv.saveState()
            canv.setFont(font, 9)
            canv.drawCentredString(canv._pagesize[0] / 2, y, str(doc.page))
            canv.restoreState()

        return draw

    def frame(size: tuple[float, float], m: tuple[float, float, float, float], fid: str) -> Frame:
        left, top, right, bottom = m
        return Frame(
            left,
            bottom,
            size[0] - left - right,
            size[1] - top - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=fid,
        )

    land = landscape(A4)
    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        invariant=1,
        title=spec.title,
        author=spec.author,
        creator="Pinggu corpus generator",
        producer="Pinggu corpus generator",
        subject="",
        keywords="",
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                "portrait",
                [frame(A4, PORTRAIT_MARGINS, "p")],
                onPage=footer(FOOTER_Y),
                pagesize=A4,
            ),
            PageTemplate(
                "landscape",
                [frame(land, LANDSCAPE_MARGINS, "l")],
                onPage=footer(LANDSCAPE_FOOTER_Y),
                pagesize=land,
            ),
        ]
    )
    return doc


def render(spec: DocSpec, path: Path) -> None:
    """Write `spec` as a PDF at `path` (same spec → same bytes)."""
    font = register_font(spec.font)
    styles = _Styles(font, spec)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = _doc(spec, path, font)
    doc.build(_flowables(spec, styles))
