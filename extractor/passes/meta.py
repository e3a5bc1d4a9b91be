"""Report metadata: station, place, kind, operator, buyer, periods, funding, evaluator.

Read from the cover title and the basic-information and evaluation-basis sections first
(where the family states them), then from the whole text; patterns are data in
models/patterns/meta.yaml.
"""

from __future__ import annotations

import datetime as dt
import re

from extractor.document.model import Block, Document
from extractor.knowledge import meta_patterns
from extractor.knowledge.loader import compiled
from extractor.numbers import chinese_digits, chinese_numeral
from extractor.passes.text import Hit, first, search
from extractor.records import Date, Meta, Number, Period, Text

_DATE = re.compile(r"(\d{4})\D{1,3}?(\d{1,2})\D{1,3}?(\d{1,2})")


# A date in Chinese numerals: the year digit by digit, month and day as numbers
# (二〇二五年十二月三十一日).
_CN_DATE = re.compile(
    r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)


def parse_date(s: str) -> dt.date | None:
    """The date printed in `s`: in digits (2024年3月1日, 2024.3.1) or in Chinese
    numerals (二〇二四年三月一日)."""
    text = re.sub(r"\s+", "", s)
    try:
        if m := _DATE.search(text):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _CN_DATE.search(text):
            return dt.date(
                chinese_digits(m.group(1)),
                chinese_numeral(m.group(2)),
                chinese_numeral(m.group(3)),
            )
    except ValueError:
        return None
    return None


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months covered by [start, end], counting a period ending the day before the
    start's day-of-month (or at month end) as complete."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day >= start.day - 1 or (end + dt.timedelta(days=1)).month != end.month:
        months += 1
    return months


def _int(s: str) -> int:
    return int(s) if s.isdigit() else chinese_numeral(s)


def _first_field(blocks: list[Block], field: str) -> Hit | None:
    for pattern in meta_patterns().compiled(field):
        hit = first(blocks, pattern)
        if hit:
            return hit
    return None


def _text(hit: Hit | None) -> Text | None:
    if hit is None:
        return None
    return Text(value=hit.printed("value").strip(), prov=hit.prov("value"))


# "2025年1月", "6月", or dotted "2025.01" (the year then always printed)
_MONTH = re.compile(r"(?:(\d{4})\D{1,3}?)?(\d{1,2})\s*月$|(\d{4})[.．/](\d{1,2})$")


def month_range(start: str, end: str) -> tuple[dt.date, dt.date] | None:
    """A period printed in months, the year perhaps once ("2025年1月" … "6月") or
    dotted ("2025.01" … "2025.12"): the first day of the first month to the last day of
    the last."""
    a, b = _MONTH.search(re.sub(r"\s+", "", start)), _MONTH.search(re.sub(r"\s+", "", end))
    if a is None or b is None:
        return None
    year0, month0 = a.group(1) or a.group(3), a.group(2) or a.group(4)
    if year0 is None:
        return None
    y0, m0 = int(year0), int(month0)
    y1, m1 = int(b.group(1) or b.group(3) or y0), int(b.group(2) or b.group(4))
    if not (1 <= m0 <= 12 and 1 <= m1 <= 12) or (y1, m1) < (y0, m0):
        return None
    last = dt.date(y1 + m1 // 12, m1 % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(y0, m0, 1), last


def _period(hit: Hit | None) -> Period | None:
    if hit is None:
        return None
    start, end = parse_date(hit.match.group("start")), parse_date(hit.match.group("end"))
    if start is None and end is None:
        start, end = month_range(hit.match.group("start"), hit.match.group("end")) or (None, None)
    if start is None or end is None:
        return None
    months = hit.match.groupdict().get("months")
    s0, _ = hit.span("start")
    _, e1 = hit.span("end")
    return Period(
        start=start,
        end=end,
        months=_int(months) if months else None,
        printed=hit.block.text[s0:e1],
        prov=hit.block.provenance(s0, e1),
    )


_FIGURE = re.compile(r"[\d.,，%％分]+")


def _form_value(doc: Document, field: str) -> Text | None:
    """A field printed in a form (a table row "评估机构 │ 沅江市…中心"), the label cell
    matching the field's `form_labels` pattern and the next cell its value."""
    label = meta_patterns().form_labels.get(field)
    if label is None:
        return None
    rx = compiled(label)
    for t in doc.tables:
        for row in t.grid():
            cells = list({id(c): c for c in row if c is not None}.values())
            texts = [re.sub(r"\s+", "", c.text) for c in cells]
            for i, text in enumerate(texts[:-1]):
                # a figure is no organisation's name (评估主体 │ 满分 │ 得分: "第三方评估机构
                # │ 40" is a party's full marks)
                if rx.search(text) and texts[i + 1] and not _FIGURE.fullmatch(texts[i + 1]):
                    return Text(value=cells[i + 1].text.strip(), prov=cells[i + 1].provenance())
    return None


def extract_meta(doc: Document) -> Meta:
    pats = meta_patterns()
    meta = Meta()
    sections = doc.sections()
    preferred = [
        b
        for s in sections
        if s.canonical in ("basic_info", "project_management", "evaluator", "basis")
        for b in s.blocks
    ]
    everything = preferred + [b for b in doc.blocks if b not in preferred]

    titles = [b for b in doc.blocks if b.kind == "title"] or doc.blocks[:3]
    station_rx = re.compile(pats.station_name)
    # A cover title may wrap ("…家庭综合服务" / "中心"): read the title lines joined.
    joined = re.sub(r"\s+", "", "".join(b.text for b in titles))
    m = station_rx.search(joined)
    if m and titles:
        meta.station = Text(value=m.group("value"), prov=titles[0].provenance())
    elif hit := first(everything, station_rx):
        meta.station = Text(value=hit.match.group("value"), prov=hit.prov("value"))
    kind = first(titles, re.compile(pats.kind)) or first(everything[:40], re.compile(pats.kind))
    if kind:
        meta.kind = kind.match.group("value")  # type: ignore[assignment]

    if meta.station:
        name = meta.station.value
        city = re.match(pats.city, name)
        if city:
            meta.city = Text(value=city.group("value"), prov=meta.station.prov)
        rest = name[city.end() :] if city else name
        district = re.match(pats.district, rest)
        if district:
            meta.district = Text(value=district.group("value"), prov=meta.station.prov)
            rest = rest[district.end() :]
        street = re.sub(pats.station_suffix, "", rest)
        if street:
            meta.street = Text(value=street, prov=meta.station.prov)

    for field in ("address", "operator", "buyer", "evaluator"):
        setattr(meta, field, _text(_first_field(everything, field)) or _form_value(doc, field))
    if meta.evaluator is None:
        cover = [b for b in doc.blocks if b.page == 1 and b.kind != "heading"]
        meta.evaluator = _text(_first_field(cover, "evaluator_cover"))
    if meta.district is None:
        for source in (meta.address, meta.operator, meta.buyer):
            if source is None:
                continue
            d = re.search(pats.district_in_text, source.value)
            if d:
                meta.district = Text(value=d.group("value"), prov=source.prov)
                break

    date_hit = _first_field(everything, "evaluation_date")
    if date_hit is None:
        cover = [b for b in doc.blocks if b.page == 1 and b.kind != "heading"]
        date_hit = _first_field(cover, "evaluation_date_cover")
    if date_hit:
        value = parse_date(date_hit.match.group("value"))
        if value:
            meta.evaluation_date = Date(
                value=value, printed=date_hit.printed("value"), prov=date_hit.prov("value")
            )
    meta.contract_period = _period(_first_field(everything, "contract_period"))
    meta.assessment_period = _period(_first_field(everything, "assessment_period"))
    if meta.assessment_period is not None and meta.assessment_period.months is None:
        months = _first_field(everything, "assessment_months")
        if months is not None:
            meta.assessment_period.months = _int(months.match.group("value"))

    fund = _first_field(everything, "funding")
    if fund:
        v = float(fund.match.group("value"))
        unit = fund.match.group("unit")
        meta.funding_yuan = Number(
            value=v * 10000 if unit == "万元" else v,
            printed=fund.printed(0)[fund.span("value")[0] - fund.span(0)[0] :],
            unit="元",
            prov=fund.prov("value"),
        )
    area = _first_field(everything, "area_count")
    if area:
        meta.area_count = Number(
            value=float(_int(area.match.group("value"))),
            printed=area.printed(0)[area.span("value")[0] - area.span(0)[0] :],
            prov=area.prov("value"),
        )
    # The year assessed: where the assessment period ends (an evaluation visit may fall
    # in the next January).
    if meta.assessment_period:
        meta.year = meta.assessment_period.end.year
    elif meta.evaluation_date:
        meta.year = meta.evaluation_date.value.year
    return meta


__all__ = ["extract_meta", "months_between", "parse_date", "search"]
