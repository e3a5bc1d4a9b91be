"""The layout families (corpora/families and every held-back split's folder,
extractor.splits.HELD_BACK_SPLITS) are sound, without running the extractor on them: each
gold validates, is what the builder writes from its facts, names only figures that the
PDF's text layer (read by pdfplumber) really prints, and recomputes clean — or shows
exactly its recorded injected inconsistencies. The layout each variant claims (rotated
pages, landscape pages, tables over pages) is checked with pypdf/pdfplumber. One test id
per PDF.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from _pytest.mark import ParameterSet
from pypdf import PdfReader

from corpora.conventions import NOT_YET_RUN, ONE_FAMILY
from corpora.families import verify
from corpora.families.build import families, gold_of, written
from corpora.families.common import SPLIT_FOLDERS
from corpora.families.gold import dump
from corpora.families.printing import value_of, within_printed
from extractor.records import GoldReport, IndicatorRow
from extractor.splits import HELD_BACK_SPLITS

ROOT = Path(__file__).resolve().parents[1]
SPLITS = {folder: split for split, folder in SPLIT_FOLDERS.items()}
GOLDS = [g for folder in SPLITS for g in sorted((ROOT / "corpora" / folder).glob("*/*.gold.json"))]
WHITESPACE = re.compile(r"\s+")


def pdf_of(gold_path: Path) -> Path:
    return gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".pdf")


def cases() -> list[ParameterSet]:
    return [pytest.param(g, id=pdf_of(g).name) for g in GOLDS]


@functools.cache
def load(path: Path) -> GoldReport:
    return GoldReport.model_validate_json(path.read_text(encoding="utf-8"))


PAGE_NUMBER = re.compile(r"^(?:-\s*\d+\s*-|\d+|第\s*\d+\s*页(?:\s*/?\s*共\s*\d+\s*页)?)$")


def unmarked(page: Any) -> Any:
    """The page without a diagonal watermark's characters (`variant.watermark`): drawn
    text that is not content, read in among the lines it crosses; and without footnote
    reference marks (superscripts right after a figure, `variant.footnotes`), which
    are not part of the figure or its sentence."""
    return verify.without_marks(page)


# a cell printing two figures as one (完成量/协议量: 412/380, `variant.combined_cells`)
COMBINED = re.compile(r"\d[\d,.]*/\d[\d,.]*")
# a cell printing the done figure with its rate in brackets (完成量（完成率）: 484（156.13%）)
BRACKETED = re.compile(r"(\d[\d,.]*)（(\d[\d.]*%?)）")


@functools.cache
def layer(pdf: Path) -> tuple[str, Counter[str]]:
    """pdfplumber's text (all pages, whitespace removed, without page numbers and running
    headers, so a sentence over a page break reads whole) and its words (table cells are
    words of their own), independent of Pinggu's reader."""
    pages, words = [], Counter[str]()
    with pdfplumber.open(pdf) as doc:
        for page in map(unmarked, doc.pages):
            pages.append((page.extract_text() or "").splitlines())
            for w in page.extract_words():
                words[w["text"]] += 1
                if COMBINED.fullmatch(w["text"]):
                    words.update(w["text"].split("/"))
                if m := BRACKETED.fullmatch(w["text"]):
                    words.update(m.groups())
    edges = Counter(line for lines in pages for line in {lines[0], lines[-1]} if lines)
    furniture = {line for line, n in edges.items() if n > len(pages) / 2}
    text = [
        line
        for lines in pages
        for i, line in enumerate(lines)
        if not (i in (0, len(lines) - 1) and line in furniture)
        and not PAGE_NUMBER.match(line.strip())
    ]
    return WHITESPACE.sub("", "".join(text)), words


@functools.cache
def cells_of(pdf: Path) -> str:
    """The text of every ruled table cell (pdfplumber's table finder), one cell after
    another: items printed side by side in a two-column table are read per cell, not
    line by line across both columns."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in map(unmarked, doc.pages):
            for table in page.extract_tables():
                out += [squash(c or "") for row in table for c in row]
    return "\x00".join(out)


@functools.cache
def continued_cells(pdf: Path) -> str:
    """A table row allowed to break across pages (`variant.row_break`) read whole: the
    last row of a page's last table and the first row of the next page's first table,
    when they have as many columns, joined cell by cell (an item whose lines run over
    the break is read as one)."""
    out = []
    with pdfplumber.open(pdf) as doc:
        tables = [page.extract_tables() for page in map(unmarked, doc.pages)]
    for here, there in itertools.pairwise(tables):
        if here and there and here[-1] and there[0] and len(here[-1][-1]) == len(there[0][0]):
            for a, b in zip(here[-1][-1], there[0][0], strict=True):
                out.append(squash((a or "") + (b or "")))
    return "\x00".join(out)


def squash(s: str) -> str:
    return WHITESPACE.sub("", s)


# an indicator's figures typed as one line of a list, no table (`variant.figure_lists`):
# 1.困难群众建档：协议330户，完成306户，完成率92.73%；
LISTED = re.compile(r"协议(\d[\d,.]*)[^\d，]*，完成(\d[\d,.]*)[^\d，]*，完成率(\d[\d.]*%?)")


def listed(text: str) -> Counter[str]:
    """The figures of every list line, counted as table cells are (each a word)."""
    return Counter(s for m in LISTED.finditer(text) for s in m.groups())


@functools.cache
def columns_of(pdf: Path) -> str:
    """The text of every page read one column after the other (`variant.two_columns`:
    a section set in two columns, 分栏): the left half of the page's body, then the
    right half, without the header and footer margins, so an item's lines read whole
    even where a line of the other column sits beside them."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in map(unmarked, doc.pages):
            top, bottom, mid = 72, page.height - 72, page.width / 2
            for x0, x1 in ((0, mid), (mid, page.width)):
                out.append(page.crop((x0, top, x1, bottom)).extract_text() or "")
    return squash("".join(out))


def test_families_are_there() -> None:
    per_split = {
        folder: {p.parent.name for p in GOLDS if p.parts[-3] == folder} for folder in SPLITS
    }
    assert len(per_split["families"]) >= 6
    for folder in HELD_BACK_SPLITS:
        assert len(per_split[folder]) >= (1 if folder in NOT_YET_RUN + ONE_FAMILY else 2), folder
    splits = list(per_split.values())
    assert sum(map(len, splits)) == len(set().union(*splits))  # no family in two splits
    per_family = Counter(p.parent.name for p in GOLDS)
    assert min(per_family.values()) >= 3
    # every held-back family but the first split's has a clean report and one with
    # injected errors
    for folder in HELD_BACK_SPLITS[1:]:
        for family in per_split[folder]:
            errors = {load(p).variant["error"] == "none" for p in GOLDS if p.parent.name == family}
            assert errors == {True, False}, family


@pytest.mark.parametrize("gold_path", cases())
def test_gold_validates_and_names_its_family(gold_path: Path) -> None:
    g = load(gold_path)
    assert pdf_of(gold_path).exists()
    assert g.source.file == pdf_of(gold_path).name
    split = SPLITS[gold_path.parts[-3]]
    assert g.variant["family"] == gold_path.parent.name
    assert g.variant["split"] == split
    assert g.source.pages == len(PdfReader(pdf_of(gold_path)).pages)


@functools.cache
def rebuilt() -> dict[str, str]:
    """Every report's gold as the builder writes it now (Word documents in memory, the
    page count from the committed PDF): no LibreOffice needed."""
    from corpora.families.build import Built

    out = {}
    for fam in families():
        for facts, writer in written(fam):
            pdf = fam.folder / f"{facts.name}.pdf"
            b = Built(fam, facts, writer, pdf, pdf.with_suffix(".gold.json"))
            out[facts.name] = dump(gold_of(b, len(PdfReader(pdf).pages)))
    return out


@pytest.mark.parametrize("gold_path", cases())
def test_gold_is_what_the_builder_writes(gold_path: Path) -> None:
    name = gold_path.name.removesuffix(".gold.json")
    assert rebuilt()[name] == gold_path.read_text(encoding="utf-8")


def cell_strings(row: IndicatorRow) -> list[str]:
    return [c.printed for c in (row.target, row.done, row.pct) if c is not None]


@pytest.mark.parametrize("gold_path", cases())
def test_every_gold_figure_is_printed(gold_path: Path) -> None:
    g = load(gold_path)
    text, words = layer(pdf_of(gold_path))
    if g.variant.get("figure_lists"):
        words = words + listed(text)
    cells = Counter(s for r in g.indicators.rows for s in cell_strings(r))
    # a 协议量 cell merged down over every 片区 row (the same target for each 片区,
    # `variant.merged_targets`, qiushan) is printed once for all of them
    merged = set(filter(None, str(g.variant.get("merged_targets", "")).split(";")))
    for key, rs in itertools.groupby(
        sorted(
            (r for r in g.indicators.rows if r.label in merged and r.scope == "area"),
            key=lambda r: (r.table, r.label),
        ),
        key=lambda r: (r.table, r.label),
    ):
        same = [r.target.printed for r in rs if r.target is not None]
        assert len(set(same)) == 1, f"{key}: a merged 协议量 prints one figure"
        cells[same[0]] -= len(same) - 1
    short = {s: n for s, n in cells.items() if words[s] < n}
    assert short == {}, "table cells not printed as often as the gold says (gold, words)"
    figures = [ps.score.printed or "" for ps in g.scoring.party_scores]
    assert g.scoring.total is not None and g.scoring.grade is not None
    figures += [g.scoring.total.printed or "", g.scoring.grade.value]
    figures += [f.printed for f in g.indicators.narrative]
    figures += [f.sentence for f in g.indicators.narrative]
    m = g.meta
    for t in (m.station, m.street, m.district, m.city, m.operator, m.buyer, m.address):
        assert t is not None
        figures.append(t.value)
    for p in (m.contract_period, m.assessment_period):
        assert p is not None and p.printed
        figures.append(p.printed)
    assert m.funding_yuan and m.evaluation_date and m.area_count
    figures += [m.funding_yuan.printed or "", m.evaluation_date.printed or ""]
    figures += [m.area_count.printed or ""]
    for name in type(g.staffing).model_fields:
        v = getattr(g.staffing, name)
        if hasattr(v, "printed"):
            figures.append(v.printed)
    figures += [p.name for p in g.staffing.roster]
    figures += [s.heading for s in g.assessment_sections]
    figures += [a.text for a in g.assessments]
    figures += [e.printed for e in g.expected_findings]
    columns = columns_of(pdf_of(gold_path)) if g.variant.get("two_columns") else ""
    if g.variant.get("row_break"):
        columns += "\x00" + continued_cells(pdf_of(gold_path))
    missing = [
        f
        for f in figures
        if squash(f) not in text
        and squash(f) not in cells_of(pdf_of(gold_path))
        and squash(f) not in columns
    ]
    assert missing == []


def rate_ok(row: IndicatorRow) -> bool:
    if row.pct is None or row.pct.value is None or row.target is None or row.done is None:
        return True
    assert row.target.value and row.done.value is not None
    exact = Decimal(str(row.done.value)) * 100 / Decimal(str(row.target.value))
    if value_of(row.pct.printed) != row.pct.value:
        exact /= 100  # a rate printed as a ratio (1.08): its value is the percentage
    return within_printed(row.pct.printed, exact)


def base_ref(r: IndicatorRow) -> str:
    where = "合计" if r.scope == "total" else f"{r.area}/{r.post}" if r.post else r.area
    return f"indicators/{r.table}/{where}/{r.indicator}/{r.measure}"


def inconsistencies(g: GoldReport) -> set[str]:
    """Refs of every printed figure that disagrees with what it is recomputed from,
    computed from the gold alone: rates (rounded or truncated to their printed
    decimals), posts → 小计 → total sums, scores, grade, narrative against its cell."""
    bad: set[str] = set()
    rows = g.indicators.rows
    for r in rows:
        if not rate_ok(r):
            bad.add(f"{base_ref(r)}/pct")
    # One hierarchy per indicator: a report may print its 片区 rows and its total in
    # different tables (one small table per 片区), never two totals for one indicator.
    groups: dict[tuple[str, str], list[IndicatorRow]] = defaultdict(list)
    for r in rows:
        groups[(r.indicator, r.measure)].append(r)
    for rs in groups.values():
        total = [r for r in rs if r.scope == "total"]
        assert len(total) <= 1
        areas = [r for r in rs if r.scope == "area"]
        # a 片区 printed twice (the body's row and its appendix table's 小计, `yuquan`):
        # the total adds the 片区 rows of its own table, when that table prints them
        beside = {t.table: [a for a in areas if a.table == t.table] or areas for t in total}
        for whole, parts in [
            (a, [r for r in rs if r.scope == "post" and r.area == a.area]) for a in areas
        ] + [(t, beside[t.table]) for t in total]:
            if not parts:
                continue
            for role in ("target", "done"):
                cell = getattr(whole, role)
                if cell is None or cell.value is None:
                    continue
                # a 片区 printing "/" (no target contracted there, `wutong`) adds nothing:
                # the 合计 sums what is printed
                printed = [getattr(p, role).value for p in parts]
                if sum(v for v in printed if v is not None) != cell.value:
                    bad.add(f"{base_ref(whole)}/{role}")
    sc = g.scoring
    assert sc.total is not None and sc.grade is not None
    if party_sum(g) != Decimal(sc.total.printed or ""):
        bad.add("scoring/total")
    total = Decimal(sc.total.printed or "")
    fits = [
        b.grade
        for b in sc.bands
        if (
            b.lower is None
            or total > Decimal(str(b.lower))
            or (b.lower_inclusive and total == Decimal(str(b.lower)))
        )
        and (
            b.upper is None
            or total < Decimal(str(b.upper))
            or (b.upper_inclusive and total == Decimal(str(b.upper)))
        )
    ]
    assert len(fits) == 1, f"bands do not partition the scale at {total}"
    if fits[0] != sc.grade.value:
        bad.add("scoring/grade")
    for f in g.indicators.narrative:
        if f.indicator is None or f.approx or f.kind not in ("done", "pct", "target"):
            continue
        row = next(
            (
                r
                for r in rows
                if (r.indicator, r.measure) == (f.indicator, f.measure)
                and r.scope in ("area", "total", "station")
                and (r.area == f.scope if f.scope else r.scope in ("total", "station"))
            ),
            None,
        )
        if row is None:
            continue
        cell = getattr(row, f.kind)
        if cell is None or cell.value is None or cell.value != f.value:
            bad.add(
                f"narrative/{f.indicator}/{f.measure}/{f.kind}" + (f"/{f.scope}" if f.scope else "")
            )
    st = g.staffing
    # a roster printing monthly marks: each person's 小计 counts their marks (○ / √ one
    # month, 0.5 half, blank or —— none), a 合计 line its months and its total
    for p in st.roster:
        if p.on_post is not None and p.marks:
            if sum(mark_value(m) for m in p.marks) != Decimal(str(p.on_post.value)):
                bad.add(f"roster/{p.group}/{p.seq}/on_post")
    for t in st.roster_totals:
        people = [p for p in st.roster if t.scope in ("all", p.group) and p.marks]
        for k, n in enumerate(t.monthly):
            if sum(mark_value(p.marks[k]) for p in people) != Decimal(str(n)):
                bad.add(f"roster_totals/{t.scope}/{k + 1}月/到岗")
        if t.on_post is not None and sum(
            (mark_value(m) for p in people for m in p.marks), Decimal(0)
        ) != Decimal(str(t.on_post.value)):
            bad.add(f"roster_totals/{t.scope}/on_post")
    if st.certified_count and st.uncertified_count and st.total_count:
        assert st.certified_count.value + st.uncertified_count.value == st.total_count.value
    if st.mid_level_count and st.assistant_level_count and st.certified_count:
        assert st.mid_level_count.value + st.assistant_level_count.value == st.certified_count.value
    if st.roster:
        assert len(st.roster) == (st.total_count.value if st.total_count else len(st.roster))
    return bad


def party_sum(g: GoldReport) -> Decimal:
    """The sum of the printed party scores, rounded (half up) to the printed total's
    decimals when the total prints fewer (`lantian`: weighted scores with two decimals,
    the total in a sentence with one)."""
    sc = g.scoring
    assert sc.total is not None
    parts = sum((Decimal(p.score.printed or "") for p in sc.party_scores), Decimal(0))
    total = Decimal(sc.total.printed or "")
    places = -int(total.as_tuple().exponent)
    if places < -int(parts.as_tuple().exponent):
        parts = parts.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return parts


def mark_value(mark: str) -> Decimal:
    """A roster's monthly 到岗 mark as months on post (✗: explicitly not on post)."""
    if mark in ("○", "√", "✓"):
        return Decimal(1)
    if mark in ("", "——", "—", "/", "✗"):
        return Decimal(0)
    return Decimal(mark)


@pytest.mark.parametrize("gold_path", cases())
def test_recomputes_to_exactly_the_injected_errors(gold_path: Path) -> None:
    g = load(gold_path)
    assert inconsistencies(g) == {e.ref for e in g.expected_findings}
    if g.variant["error"] == "none":
        assert g.expected_findings == []
    else:
        assert set(str(g.variant["error"]).split("+")) == {e.kind for e in g.expected_findings}


@pytest.mark.parametrize("gold_path", cases())
def test_claimed_page_layout(gold_path: Path) -> None:
    """`landscape`: mediabox (a landscape MediaBox), rotate90 / rotate270 (a portrait
    MediaBox displayed landscape through /Rotate); `breaks`: where a table continues on
    the next page, with or without its header repeated."""
    assert verify.problems(pdf_of(gold_path), load(gold_path).variant) == []
