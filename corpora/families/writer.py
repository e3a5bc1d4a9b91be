"""A Word document written block by block, recording the gold of what it prints.

Templates call `heading`, `label`, `item`, `para` and `table`; the writer puts them in
the .docx and notes, at the same moment, the praise/concern sections and items, the
narrative figures and the staffing figures they carry. Nothing is read back from the
PDF: the gold is what was written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from docx.document import Document
from docx.shared import Pt

from corpora.conventions import headline
from corpora.families import docx_kit as kit
from corpora.families.docx_kit import Fonts, Grid
from extractor.records import AssessmentItem, AssessmentSection, NarrativeFigure, Number, Party

NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# 一是 / 二是 …: the clause markers of an official-style running paragraph
CLAUSE_MARKS = tuple(f"{n}是" for n in "一二三四五六七八九")


@dataclass(frozen=True)
class Fig:
    """A figure inside running text. It prints as `printed`; the gold records it as a
    narrative figure (indicator, measure, kind, 片区 scope) or as a `Staffing` field."""

    printed: str
    value: float
    unit: str | None = None
    indicator: str | None = None
    measure: str | None = None
    kind: Literal["done", "pct", "target", "other"] = "done"
    scope: str | None = None
    approx: bool = False
    staffing: str | None = None


@dataclass(frozen=True)
class Note:
    """A Word footnote whose superscript reference mark stands where it is placed in the
    running text (right after a figure). The mark is not part of the sentence the gold
    records, and the note's text (at the foot of the page) is not body text."""

    text: str


Part = str | Fig | Note


class Writer:
    def __init__(self, fonts: Fonts, title: str, author: str) -> None:
        self.fonts = fonts
        self.doc: Document = kit.document(fonts, title, author)
        self.sections: list[AssessmentSection] = []
        self.items: list[AssessmentItem] = []
        self.narrative: list[NarrativeFigure] = []
        self.staffing: dict[str, Number] = {}
        self._party: Party | None = None
        self._path: list[str] = []
        self._base = 0
        self._area: str | None = None
        self._current: AssessmentSection | None = None

    # ------------------------------------------------------------ plain blocks

    def text(self, text: str, **fmt: Any) -> None:
        fmt.setdefault("font", self.fonts.body)
        fmt.setdefault("base_size", self.fonts.size)
        kit.paragraph(self.doc, text, **fmt)

    def heading(
        self,
        text: str,
        level: int,
        *,
        party: Party | None = None,
        area: str | None = None,
        size: float | None = None,
        align: str = "left",
        indent_chars: float = 0.0,
        font: str | None = None,
        band: str | None = None,
    ) -> None:
        """A heading. With `party` it opens that party's opinions; deeper headings join the
        section path (`area` tags what follows with a 片区); a heading at or above the
        party's level closes it. With `band` (a fill colour) it is set on a shaded band
        across the text width."""
        sizes = {1: self.fonts.size + 4, 2: self.fonts.size + 1, 3: self.fonts.size}
        p = kit.paragraph(
            self.doc,
            text,
            font=font or self.fonts.heading,
            size=size or sizes.get(level, self.fonts.size),
            bold=level <= 2,
            align=align,
            indent_chars=indent_chars,
            space_before=6 if level == 1 else 3,
            space_after=3,
            keep_with_next=True,
        )
        if band is not None:
            kit.shaded_band(p, band)
        self._current = None
        if party is not None:
            self._party, self._path, self._base, self._area = party, [text], level, area
        elif self._party is not None and level > self._base:
            self._path = [*self._path[: level - self._base], text]
            self._area = area
        else:
            self._party, self._path, self._area = None, [], None

    def page_break(self) -> None:
        kit.page_break(self.doc)

    def section(self, landscape: bool) -> None:
        kit.new_section(self.doc, landscape)

    def columns(self, n: int) -> None:
        """A continuous section break; what follows is set in `n` columns (分栏)."""
        kit.column_section(self.doc, n)

    def table(self, grid: Grid) -> None:
        kit.add_table(self.doc, grid, self.fonts.body)

    def side_by_side(self, grids: list[Grid], widths: list[float]) -> None:
        kit.side_by_side(self.doc, grids, widths, self.fonts.body)

    def opinion_table(
        self,
        heads: tuple[str, str],
        items: tuple[list[str], list[str]],
        mark: Callable[[int], str],
        make: Callable[[list[list[str | None]]], Grid],
    ) -> None:
        """Praise and concern side by side in a two-column table (值得肯定的地方 │
        需要关注的地方): the header row names both sections, one body row holds each
        section's items, one numbered line (paragraph) each. `make` gives the Grid."""
        cells: list[str | None] = []
        for name, polarity, texts in zip(heads, ("praise", "concern"), items, strict=True):
            self.label_only(name, polarity)  # type: ignore[arg-type]
            lines = []
            for k, text in enumerate(texts, start=1):
                lines.append(mark(k) + text)
                self._add_item(k, text)
            cells.append("\n".join(lines))
        self.table(make([list(heads), cells]))

    def paired_opinions(
        self,
        heads: tuple[str, str],
        items: tuple[list[str], list[str]],
        mark: Callable[[int], str],
        make: Callable[[list[list[str | None]]], Grid],
        *,
        none: str = "无",
    ) -> None:
        """Praise and concern side by side, PAIRED ROW BY ROW (成效 │ 不足与建议): the
        header row names both sections, then row k holds the k-th item of each, numbered
        (`mark`) within its column; the shorter column's cells stay empty. A section with
        no items prints `none` in its first cell (none stated). `make` gives the Grid."""
        for name, polarity, texts in zip(heads, ("praise", "concern"), items, strict=True):
            self.label_only(name, polarity)  # type: ignore[arg-type]
            if not texts:
                assert self._current is not None
                self._current.none_stated = True
            for k, text in enumerate(texts, start=1):
                self._add_item(k, text)
        columns = [[mark(k) + t for k, t in enumerate(texts, start=1)] or [none] for texts in items]
        depth = max(len(c) for c in columns)
        rows: list[list[str | None]] = [list(heads)]
        for k in range(depth):
            rows.append([c[k] if k < len(c) else "" for c in columns])
        self.table(make(rows))

    def cell_text(self, *parts: Part) -> str:
        """The text of a table cell holding a sentence with figures (一览表's 主要服务成效):
        its figures are recorded for the gold as running text's are; the caller prints
        the returned text in its cell."""
        return self._figures(list(parts))

    def opinion_rows(
        self,
        heads: tuple[str, str],
        items: tuple[list[str], list[str]],
        make: Callable[[list[list[str | None]]], Grid],
    ) -> None:
        """Praise and concern as a two-row table (值得肯定的地方 │ items / 需要关注的地方 │
        items): the label in the first column, the section's items in the second, one
        unnumbered line each (ordinal None). `make` gives the Grid."""
        rows: list[list[str | None]] = []
        for name, polarity, texts in zip(heads, ("praise", "concern"), items, strict=True):
            self.label_only(name, polarity)  # type: ignore[arg-type]
            for text in texts:
                self._add_item(None, text)
            rows.append([name, "\n".join(texts)])
        self.table(make(rows))

    def item_table(
        self,
        name: str,
        polarity: Literal["praise", "concern"],
        texts: list[str],
        make: Callable[[list[list[str | None]]], Grid],
        *,
        colon: str = "：",
    ) -> None:
        """A praise or concern label on a line of its own (工作亮点：), then the section's
        items in a small table of their own, 序号 │ 内容: a header row, one row per item
        numbered from 1 (its ordinal the 序号). `make` gives the Grid from the rows."""
        self.label(name, polarity, colon=colon)
        rows: list[list[str | None]] = [["序号", "内容"]]
        for k, text in enumerate(texts, start=1):
            rows.append([str(k), text])
            self._add_item(k, text)
        self.table(make(rows))

    def remedy_table(
        self,
        name: str,
        rows: list[tuple[str, str, str]],
        make: Callable[[list[list[str | None]]], Grid],
        *,
        head: tuple[str, str, str, str] = ("序号", "存在问题", "整改建议", "完成时限"),
        none: str = "暂无。",
    ) -> None:
        """A concern label on a line of its own (存在问题及整改建议：), then the concerns
        in a 问题整改表: a header row, one row per concern numbered from 1 (its ordinal the
        序号), the problem (the item) beside the remedy and the deadline asked for, which
        are no items. No concerns: `none` under the label and no table."""
        self.label(name, "concern")
        if not rows:
            self.none(none)
            return
        body: list[list[str | None]] = [list(head)]
        for k, (problem, remedy, due) in enumerate(rows, start=1):
            body.append([str(k), problem, remedy, due])
            self._add_item(k, problem)
        self.table(make(body))

    def category_table(
        self,
        heads: tuple[str, str],
        items: tuple[list[str], list[str]],
        make: Callable[[list[list[str | None]], list[int]], Grid],
    ) -> None:
        """Praise and concern in one table of rows 序号 │ 类别 │ 具体内容: each section's
        items one row each, numbered from 1 within the section, its 类别 (the section's
        label) printed once over its rows. `make` gets the body rows (category cell None
        under the first row of a section) and the row index each section starts at."""
        rows: list[list[str | None]] = []
        starts: list[int] = []
        for name, polarity, texts in zip(heads, ("praise", "concern"), items, strict=True):
            self.label_only(name, polarity)  # type: ignore[arg-type]
            starts.append(len(rows))
            for k, text in enumerate(texts, start=1):
                rows.append([str(k), name if k == 1 else None, text])
                self._add_item(k, text)
        self.table(make(rows, starts))

    def opinion_matrix(
        self,
        heads: tuple[str, str],
        rows: list[tuple[Party, str, list[str], list[str]]],
        mark: Callable[[int], str],
        make: Callable[[list[list[str | None]]], Grid],
    ) -> None:
        """Every party's praise and concern in ONE table (评估主体 │ 值得肯定的地方 │
        需要关注的地方): one row per party (its label cell, then each section's items, one
        numbered line each). Each row opens that party's section (path: the row's label
        as printed, its line breaks dropped) under the column headers as labels."""
        body: list[list[str | None]] = [["评估主体", *heads]]
        for party, name, praise, concern in rows:
            self._party, self._path, self._area = party, [name.replace("\n", "")], None
            cells: list[str | None] = [name]
            for head, polarity, texts in zip(
                heads, ("praise", "concern"), (praise, concern), strict=True
            ):
                self.label_only(head, polarity)  # type: ignore[arg-type]
                for k, text in enumerate(texts, start=1):
                    self._add_item(k, text)
                cells.append("\n".join(mark(k) + t for k, t in enumerate(texts, start=1)))
            body.append(cells)
        self._party, self._path, self._area, self._current = None, [], None, None
        self.table(make(body))

    # ------------------------------------------------------------ praise / concern

    def label(
        self,
        name: str,
        polarity: Literal["praise", "concern"],
        *,
        marker: str = "",
        colon: str = "：",
        form: Literal["line", "heading", "inline"] = "line",
        rest: list[Part] | None = None,
        size: float | None = None,
    ) -> None:
        """A praise or concern label (`marker` + `name` + `colon`). `inline` prints the
        section's only item after the label in the same paragraph."""
        if self._party is None:
            raise ValueError(f"label {name!r} outside a party section")
        self._current = AssessmentSection(
            party=self._party,
            section_path=list(self._path),
            area=self._area,
            polarity=polarity,
            heading=name,
            item_count=0,
        )
        self.sections.append(self._current)
        head = f"{marker}{name}{colon}"
        if form == "inline":
            assert rest is not None
            text = self._figures(rest)
            p = kit.paragraph(
                self.doc, font=self.fonts.body, indent_chars=2, base_size=self.fonts.size
            )
            kit.run_font(p.add_run(head), self.fonts.heading, self.fonts.size, bold=True)
            kit.run_font(p.add_run(text), self.fonts.body, self.fonts.size)
            self._add_item(None, text)
            return
        kit.paragraph(
            self.doc,
            head,
            font=self.fonts.heading if form == "heading" else self.fonts.body,
            size=size or self.fonts.size,
            bold=True,
            align="left",
            indent_chars=0 if form == "heading" else 2,
            keep_with_next=True,
        )

    def clauses(
        self,
        name: str,
        polarity: Literal["praise", "concern"],
        texts: list[str],
        *,
        colon: str = "：",
        marks: Sequence[str] = CLAUSE_MARKS,
        none: str | None = None,
        numbered: bool = True,
    ) -> None:
        """A praise or concern section written as one running paragraph in the official
        style: the label, then 一是……；二是……；三是……。 (or other `marks`: （1）……；（2）……。)
        Each clause is one item (its ordinal the clause's number, its text the clause
        without the marker and the closing ；or 。). With no texts and `none` ("无") the
        paragraph is the label and `none` + 。: the section says none were raised. With
        `numbered=False` the clauses carry no marker at all (优点：……；……；……。, the
        items told apart by the semicolons alone) and have no ordinal."""
        self.label_only(name, polarity)
        if not texts:
            if none is None:
                raise ValueError(f"no items under {name!r} and no `none` text")
            assert self._current is not None
            self._current.none_stated = True
            body = f"{none}。"
        else:
            heads = list(marks) if numbered else [""] * len(texts)
            body = "；".join(f"{heads[k]}{text}" for k, text in enumerate(texts)) + "。"
        p = kit.paragraph(self.doc, font=self.fonts.body, indent_chars=2, base_size=self.fonts.size)
        kit.run_font(p.add_run(f"{name}{colon}"), self.fonts.heading, self.fonts.size, bold=True)
        kit.run_font(p.add_run(body), self.fonts.body, self.fonts.size)
        for k, text in enumerate(texts, start=1):
            self._add_item(k if numbered else None, text)

    def label_only(self, name: str, polarity: Literal["praise", "concern"]) -> None:
        """Open a praise or concern section whose label is printed elsewhere (a table
        header), writing nothing."""
        if self._party is None:
            raise ValueError(f"label {name!r} outside a party section")
        self._current = AssessmentSection(
            party=self._party,
            section_path=list(self._path),
            area=self._area,
            polarity=polarity,
            heading=name,
            item_count=0,
        )
        self.sections.append(self._current)

    def item(
        self,
        mark: str,
        *parts: Part,
        indent: float = 2.0,
        numbered: bool | None = None,
        lead: str = "",
        ordinal: int | None = None,
    ) -> None:
        """One praise/concern item; `mark` is its printed numbering ("" for a bare
        paragraph, whose ordinal is then None). A bullet mark (●) is `numbered=False`:
        printed, but no ordinal. A `lead` (a run-in phrase with its colon, 服务覆盖面广：)
        is printed bold after the mark and is part of the item's text. `ordinal` is the
        printed number where it is not the item's place in its section (a numbering
        that runs on from the section before: 4. as the first concern)."""
        if self._current is None:
            raise ValueError("item outside a praise/concern section")
        text = self._figures(list(parts))
        if lead:
            p = kit.paragraph(
                self.doc, font=self.fonts.body, indent_chars=indent, base_size=self.fonts.size
            )
            kit.run_font(p.add_run(mark), self.fonts.body, self.fonts.size)
            kit.run_font(p.add_run(lead), self.fonts.heading, self.fonts.size, bold=True)
            kit.run_font(p.add_run(text), self.fonts.body, self.fonts.size)
        else:
            self.text(mark + text, indent_chars=indent)
        counted = bool(mark) if numbered is None else numbered
        if counted and ordinal is None:
            ordinal = self._current.item_count + 1
        self._add_item(ordinal if counted else None, lead + text)

    def tagged_items(
        self,
        entries: Sequence[tuple[Literal["praise", "concern"], Sequence[str]]],
        tags: dict[str, str],
        *,
        bullet: str,
        bullet_font: str,
        hang: float = 2.0,
    ) -> None:
        """Praise and concern items in ONE list under one heading (评估意见), in mixed
        order, each a symbol-font bullet (`bullet` in `bullet_font`, Wingdings) followed
        by its bracketed tag (【优点】 / 【不足】: `tags` maps polarity to the tag's word)
        and its text. Each polarity's section is opened where its first item stands, its
        heading the tag's word; items are unnumbered. An entry's further paragraphs are
        continuation paragraphs of the same item (indented under the bullet's text, no
        bullet, no tag); the item's text is its paragraphs joined."""
        if self._party is None:
            raise ValueError("tagged items outside a party section")
        opened: dict[str, AssessmentSection] = {}
        size = self.fonts.size
        for polarity, paras in entries:
            name = tags[polarity]
            if polarity not in opened:
                self.label_only(name, polarity)
                assert self._current is not None
                opened[polarity] = self._current
            self._current = opened[polarity]
            p = kit.paragraph(self.doc, font=self.fonts.body, base_size=size)
            pf = p.paragraph_format
            pf.left_indent = Pt(size * hang)
            pf.first_line_indent = Pt(-size * 1.5)
            pf.tab_stops.add_tab_stop(Pt(size * hang))
            kit.symbol_run(p, bullet, bullet_font, size)
            kit.run_font(p.add_run("\t"), self.fonts.body, size)
            kit.run_font(p.add_run(f"【{name}】"), self.fonts.heading, size, bold=True)
            kit.run_font(p.add_run(paras[0]), self.fonts.body, size)
            for more in paras[1:]:
                q = kit.paragraph(self.doc, more, font=self.fonts.body, base_size=size)
                q.paragraph_format.left_indent = Pt(size * hang)
            self._add_item(None, "".join(paras))

    def none(self, text: str) -> None:
        """The section's content says nothing was raised: zero items."""
        if self._current is None:
            raise ValueError("none() outside a praise/concern section")
        self._current.none_stated = True
        self.text(text, indent_chars=2)

    def _add_item(self, ordinal: int | None, text: str) -> None:
        sec = self._current
        assert sec is not None
        sec.item_count += 1
        self.items.append(
            AssessmentItem(
                party=sec.party,
                section_path=list(sec.section_path),
                area=sec.area,
                polarity=sec.polarity,
                ordinal=ordinal,
                headline=headline(text),
                text=text,
                numbers=[float(n.replace(",", "")) for n in NUMBER.findall(text)],
            )
        )

    # ------------------------------------------------------------ running text

    def para(self, *parts: Part, indent: float = 2.0, **fmt: Any) -> None:
        """A paragraph of running text; its figures are recorded for the gold. A `Note`
        among the parts puts a footnote's reference mark there."""
        text = self._figures(list(parts))
        if not any(isinstance(p, Note) for p in parts):
            self.text(text, indent_chars=indent, **fmt)
            return
        fmt.setdefault("font", self.fonts.body)
        fmt.setdefault("base_size", self.fonts.size)
        p = kit.paragraph(self.doc, indent_chars=indent, **fmt)
        size = fmt.get("size") or self.fonts.size
        run: list[str] = []
        for part in parts:
            if isinstance(part, Note):
                kit.run_font(p.add_run("".join(run)), fmt["font"], size)
                kit.footnote(p, part.text, fmt["font"], size)
                run = []
            else:
                run.append(part if isinstance(part, str) else part.printed)
        if run:
            kit.run_font(p.add_run("".join(run)), fmt["font"], size)

    def _figures(self, parts: list[Part]) -> str:
        text = "".join(
            p if isinstance(p, str) else p.printed for p in parts if not isinstance(p, Note)
        )
        pos = 0
        for p in parts:
            if isinstance(p, Note):
                continue
            if isinstance(p, str):
                pos += len(p)
                continue
            self._record(p, _sentence(text, pos))
            pos += len(p.printed)
        return text

    def _record(self, f: Fig, sentence: str) -> None:
        if f.staffing is not None:
            if f.staffing in self.staffing:
                raise ValueError(f"staffing field {f.staffing} printed twice")
            self.staffing[f.staffing] = Number(
                value=f.value, printed=f.printed, unit=f.unit, approx=f.approx
            )
            return
        self.narrative.append(
            NarrativeFigure(
                indicator=f.indicator,
                measure=f.measure,
                kind=f.kind,
                value=f.value,
                printed=f.printed,
                unit=f.unit,
                scope=f.scope,
                approx=f.approx,
                sentence=sentence,
            )
        )


def _sentence(text: str, pos: int) -> str:
    """The sentence (up to and including its 。) holding position `pos`."""
    start = text.rfind("。", 0, pos) + 1
    end = text.find("。", pos)
    return text[start : len(text) if end < 0 else end + 1].strip()
