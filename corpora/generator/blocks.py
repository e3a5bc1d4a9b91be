"""Layout blocks: the vocabulary the corpus generator and the seed rebuild speak to the
PDF renderer. A report is a flat list of blocks; the renderer decides lines and pages.

Kept apart from `extractor/` on purpose: the generator must not share the extractor's
assumptions about text, only the record models it writes gold with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Orientation = Literal["portrait", "landscape"]
FontMode = Literal["embedded", "cid"]


@dataclass
class Title:
    """Cover title lines (station name, report kind), large and centred."""

    lines: list[str]


@dataclass
class Heading:
    """A numbered heading, text including its marker ("一、社工站基本情况").

    level 1 = 一、  level 2 = （一）  level 3 = 1.  level 4 = （1）; bold at levels 1–3.
    """

    text: str
    level: int
    bold: bool = True


@dataclass
class Para:
    """A body paragraph; wraps CJK-style at the frame edge, first line indented."""

    text: str
    indent: bool = True
    bold: bool = False
    align: Literal["left", "center", "justify"] = "justify"
    size: float | None = None


@dataclass
class Table:
    """A table. `rows` are the printed cells (None under a span); `spans` are
    (row0, col0, row1, col1) inclusive, like reportlab's SPAN. `header_rows` rows repeat
    on a continuation page when `repeat_header` is true."""

    rows: list[list[str | None]]
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    header_rows: int = 1
    ruled: bool = True
    repeat_header: bool = True
    col_widths: list[float] | None = None
    font_size: float = 7.5
    caption: str | None = None


@dataclass
class PageBreak:
    """Start a new page, optionally switching orientation for what follows."""

    orientation: Orientation = "portrait"


@dataclass
class Spacer:
    height: float = 12.0


@dataclass
class Annotation:
    """A PDF comment (/Text annotation) placed on the page where the previous block ended."""

    author: str
    contents: str


Block = Title | Heading | Para | Table | PageBreak | Spacer | Annotation


@dataclass
class DocSpec:
    """Everything the renderer needs for one PDF."""

    blocks: list[Block]
    font: FontMode = "embedded"
    title: str = ""
    author: str = ""
    page_numbers: bool = True
    body_size: float = 14.0
    leading: float = 28.0
    seed: int = 0
