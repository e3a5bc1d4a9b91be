"""spaCy components that find figures and tie them to indicators, qualifiers and lists.

The blank `zh` tokenizer gives one token per character, so token patterns over digits are
clumsy; figures are found by regexes (from models/patterns/figure_regexes.yaml) over the
normalised doc text and stored as spans in `doc.spans["figures"]`, each with a `FigureInfo`
in `span._.figure`. Phrase lists (qualifier markers, indicator mentions) are matched by a
spaCy SpanRuler upstream; `FigureContext` reads them from `doc.spans[PHRASES_KEY]`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from extractor.knowledge.needs import holds, needed
from extractor.knowledge.nlp import (
    MARKER_LABELS,
    FigureRegex,
    IndicatorVocab,
    UnitVocab,
    load_figure_regexes,
    load_indicators,
    load_units,
)
from extractor.numbers import chinese_numeral, to_decimal

FIGURES_KEY = "figures"
PHRASES_KEY = "pinggu_phrases"
TEXT_KEY = "pinggu_text"  # doc.user_data key caching doc.text
# doc.user_data key of the figures `FigureFinder.find` found in the doc's text already
FOUND_KEY = "pinggu_found"

Kind = Literal["count", "pct", "money", "date", "ordinal", "number"]
"""`number`: an Arabic number with no unit, e.g. a table cell or an address number."""
DatePrecision = Literal["day", "month", "year"]
Bound = Literal["min", "max"]

_RATE_CUE = re.compile(r"完成率\s*(?:为|达|达到|是)?\s*$")
# "个案面谈 196 节，完成中期指标的 131%", "建档581户，完成年度协议量的67.17%": a rate of the
# count just before it, stated as the share of a target it completed.
# "各片区入户探访完成率分别为：A片区 92.3%，B片区 156.0%": rates listed one per 片区 after
# the indicator's completion rate is announced for all of them.
_RATE_LIST_CUE = re.compile(r"完成率\s*(?:分别|依次)\s*(?:为|是|达到?)?\s*[：:]?")
_SHARE_CUE = re.compile(r"完成[^，,。；;、\d]{0,6}?(?:指标|目标|任务|协议)量?的\s*$")
_PARENS = re.compile(r"（[^（）]{0,80}）|\([^()]{0,80}\)")
# What may stand between two items of a printed list ("100.00%，223.60%、144.18%")
_LIST_GAP = re.compile(r"[\s，,、和及与]*")


@dataclass
class FigureInfo:
    """What the components learn about one figure; mutable while the pipeline runs."""

    kind: Kind
    value: float
    unit: str | None = None
    approx: bool = False
    qualifier: str | None = None
    bound: Bound | None = None
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    indicator: str | None = None
    measure: str | None = None
    paired_pct: float | None = None
    paired_count: float | None = None


# "X方面" / "X工作方面": the words after a mention that make it the clause's topic.
_TOPIC = re.compile(r"\s*(?:工作|服务)?方面")
# "入户探访：完成1435人次" / "困难群众建档：…": a mention inside a short run-in label that
# opens its clause, a colon closing it, is the clause's topic too (the words around the
# mention hold no figure and no clause or segment break).
_LABEL_TAIL = re.compile(r"[^\d，,、；;。：:]{0,6}[：:]")
_LABEL_HEAD = re.compile(r"[^\d，,、；;。：:]{0,8}")


def _doc_text(doc: Any) -> str:
    """`doc.text`, computed once per doc: spaCy rebuilds it from every token on each access."""
    cached = doc.user_data.get(TEXT_KEY)
    if isinstance(cached, str):
        return cached
    text: str = doc.text
    doc.user_data[TEXT_KEY] = text
    return text


def _clause_starts(text: str, breaks: str) -> list[int]:
    """Offsets where clauses start (0 and one past each break character); a comma
    between digits groups thousands ("1,269节") and breaks nothing."""
    last = len(text) - 1
    return [0] + [
        i + 1
        for i, c in enumerate(text)
        if c in breaks
        and not (c in ",，" and 0 < i < last and text[i - 1].isdigit() and text[i + 1].isdigit())
    ]


class FigureFinder:
    """Regex figure finder; sets doc.spans["figures"] with `span._.figure`."""

    def __init__(self, units_path: Path, regexes_path: Path) -> None:
        self.units: UnitVocab = load_units(units_path)
        self.regexes: list[FigureRegex] = load_figure_regexes(regexes_path, self.units)
        self._excluded = (
            re.compile("|".join(map(re.escape, self.units.excluded_phrases)))
            if self.units.excluded_phrases
            else None
        )
        self._money_cue = re.compile("|".join(map(re.escape, self.units.money_cues)))
        # what each pattern needs printed: a text holding none of it is not searched
        self._needs = [needed(rx.regex) for rx in self.regexes]

    def find(self, text: str) -> list[tuple[int, int, FigureInfo]]:
        """The figures of `text` (start, end, info), the patterns' order kept: the
        component's whole work, which needs the text alone, so a caller can ask it before
        building a doc and build none when there is no figure (`FOUND_KEY`)."""
        taken = bytearray(len(text) + 1)
        # idioms such as 一户一档: no Chinese-numeral figure may overlap them (marked when
        # a Chinese-numeral match first asks)
        excluded: bytearray | None = None
        clauses: list[int] | None = None  # worked out when a figure first needs them
        found: list[tuple[int, int, FigureInfo]] = []
        for rx, need in zip(self.regexes, self._needs, strict=True):
            if need is not None and not holds(text, need):
                continue
            for m in rx.regex.finditer(text):
                s, e = m.span()
                if s == e or any(taken[s:e]):
                    continue
                if rx.name.startswith("cn_"):
                    if excluded is None:
                        excluded = self._excluded_marks(text)
                    if any(excluded[s:e]):
                        continue
                if rx.kind == "skip":
                    taken[s:e] = b"\x01" * (e - s)
                    continue
                if clauses is None:
                    clauses = _clause_starts(text, self.units.clause_breaks)
                clause_start = clauses[bisect.bisect_right(clauses, s) - 1]
                info = self._info(rx, m, text[clause_start:s])
                if info is None:
                    continue
                taken[s:e] = b"\x01" * (e - s)
                found.append((s, e, info))
        return found

    def _excluded_marks(self, text: str) -> bytearray:
        excluded = bytearray(len(text) + 1)
        if self._excluded is not None:
            for x in self._excluded.finditer(text):
                excluded[x.start() : x.end()] = b"\x01" * (x.end() - x.start())
        return excluded

    def __call__(self, doc: Any) -> Any:
        found = doc.user_data.pop(FOUND_KEY, None)
        if found is None:
            found = self.find(_doc_text(doc))
        spans = []
        for s, e, info in sorted(found, key=lambda t: t[0]):
            span = doc.char_span(s, e, label=info.kind, alignment_mode="expand")
            if span is None:  # pragma: no cover - char tokenizer aligns every offset
                continue
            span._.figure = info
            spans.append(span)
        doc.spans[FIGURES_KEY] = spans
        return doc

    def _info(self, rx: FigureRegex, m: re.Match[str], before: str) -> FigureInfo | None:
        g = m.groupdict()
        if rx.kind == "date":
            return _date_info(g)
        if g.get("num"):
            value = to_decimal(g["num"])
        elif g.get("cn"):
            try:
                value = Decimal(chinese_numeral(g["cn"]))
            except ValueError:
                return None
        else:
            return None
        if rx.kind == "pct":
            return FigureInfo("pct", float(value), "%")
        unit = g.get("unit")
        if rx.kind == "ordinal":
            return FigureInfo("ordinal", float(value), unit)
        inner = g.get("inner") or g.get("inner2")
        mult = g.get("mult")
        if mult:
            value *= self.units.multipliers[mult]
        kind: Kind = "count"
        if unit in self.units.money_units:
            kind, value, unit = "money", value * self.units.money_units[unit], "元"
        elif unit is None and mult and self._money_cue.search(before):
            kind, unit = "money", "元"  # "价值 51 万": 万 of 元 by context
        elif unit is None:
            kind = "number"
        return FigureInfo(kind, float(value), unit, approx=bool(inner), qualifier=inner)


def _date_info(g: dict[str, str | None]) -> FigureInfo | None:
    y, m, d = (int(v) if v else None for v in (g.get("y"), g.get("m"), g.get("d")))
    try:
        if y is None:
            if m is None or d is None:
                return None
            dt.date(2000, m, d)  # validates month/day; the year is not printed
            return FigureInfo("date", float(m * 100 + d), date_precision="day")
        if m is None:
            return FigureInfo("date", float(y), date=dt.date(y, 1, 1), date_precision="year")
        if d is None:
            return FigureInfo(
                "date", float(y * 100 + m), date=dt.date(y, m, 1), date_precision="month"
            )
        return FigureInfo(
            "date", float(y * 10000 + m * 100 + d), date=dt.date(y, m, d), date_precision="day"
        )
    except ValueError:
        return None


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    indicator: str | None
    measure: str | None
    reset: bool = False  # 共计/其中/平均: what follows is not the last-named indicator


def _names_other(pending: list[Any], run: list[Any], mentions: list[_Mention]) -> bool:
    """A single rate that names its indicator again after the clause's last count and
    reads, as linked, as an earlier count of the clause rather than the last one."""
    if len(run) != 1:
        return False
    pi: FigureInfo = run[0]._.figure
    last: FigureInfo = pending[-1]._.figure
    own = (pi.indicator, pi.measure)
    if pi.indicator is None or own == (last.indicator, last.measure):
        return False
    lo, hi = pending[-1].end_char, run[0].start_char
    if not any(m.indicator is not None and lo <= m.start and m.end <= hi for m in mentions):
        return False
    return any((f._.figure.indicator, f._.figure.measure) == own for f in pending[:-1])


# What may stand between a count and the indicator it counts, named after it: a short
# noun phrase with a verb ("2433户困难群众建立服务档案", "3470人次居民接受社工入户探访"),
# no 的 (培育了一支较为稳定的青年志愿者队伍 describes a team, it counts none).
_AHEAD_GAP = re.compile(r"[^\d，,、；;。：:（）()%的]{0,8}")


def _named_after(
    text: str,
    start: int,
    end: int,
    mentions: list[_Mention],
    starts: list[int],
    segments: list[int],
    figures: list[Any],
) -> _Mention | None:
    """The indicator a count that none was named for is the figure of, named after it
    at the end of its segment ("为2433户困难群众建立服务档案，…"): the first mention after
    the count, a short noun phrase between (no figure, no break), and nothing after it
    but the segment's end. Only a count in digits (`start`–`end`): a Chinese numeral
    there is a phrase ("四个社区都能结合入户探访"), not a figure stated. None when there is
    no such mention."""
    if not re.search(r"[0-9]", text[start:end]):
        return None
    sg = bisect.bisect_right(segments, end) - 1
    stop = segments[sg + 1] - 1 if sg + 1 < len(segments) else len(text)
    at = bisect.bisect_left(starts, end)
    nxt = mentions[at] if at < len(mentions) else None
    if nxt is None or nxt.reset or nxt.indicator is None or nxt.end > stop:
        return None
    if any(end <= f.start_char < nxt.start for f in figures):
        return None
    if not _AHEAD_GAP.fullmatch(text, end, nxt.start):
        return None
    if text[nxt.end : stop].strip():
        return None
    return nxt


class FigureContext:
    """Qualifiers (约/超/左右, 不低于/以上), indicator mentions and 分别 pairing."""

    def __init__(self, units_path: Path, indicators_path: Path) -> None:
        self.units: UnitVocab = load_units(units_path)
        self.vocab: IndicatorVocab = load_indicators(indicators_path)
        self._cue = re.compile("|".join(map(re.escape, self.units.pairing_cues)))

    def __call__(self, doc: Any) -> Any:
        text = _doc_text(doc)
        figures = list(doc.spans[FIGURES_KEY])
        phrases = list(doc.spans[PHRASES_KEY]) if PHRASES_KEY in doc.spans else []
        self._qualify(figures, [p for p in phrases if p.label_ in MARKER_LABELS])
        mentions = self._mentions(
            text, figures, [p for p in phrases if p.label_ not in MARKER_LABELS]
        )
        clauses = _clause_starts(text, self.units.clause_breaks)
        segments = _clause_starts(text, self.units.clause_breaks + self.units.segment_breaks)
        self._link(text, figures, mentions, clauses, segments)
        self._pair(text, figures, clauses, mentions)
        return doc

    @staticmethod
    def _qualify(figures: list[Any], markers: list[Any]) -> None:
        before: dict[int, Any] = {}
        after: dict[int, Any] = {}
        for mk in markers:
            side = before if mk.id_.partition(":")[0] == "before" else after
            key = mk.end_char if side is before else mk.start_char
            if key not in side or len(side[key]) < len(mk):
                side[key] = mk
        for f in figures:
            info: FigureInfo = f._.figure
            if info.kind in ("date", "ordinal"):
                continue
            for mk in (before.get(f.start_char), after.get(f.end_char)):
                if mk is None:
                    continue
                # "after:以上": the pattern's guard token is not part of the qualifier
                word = mk.id_.partition(":")[2] or mk.text
                if mk.label_ == "APPROX":
                    info.approx = True
                    info.qualifier = word
                elif info.bound is None:
                    info.bound = "min" if mk.label_ == "BOUND_MIN" else "max"
                    info.qualifier = info.qualifier or word

    def _mentions(self, text: str, figures: list[Any], spans: list[Any]) -> list[_Mention]:
        """Longest non-overlapping mentions that do not overlap a figure."""
        occupied = bytearray(len(text) + 1)
        for f in figures:
            occupied[f.start_char : f.end_char] = b"\x01" * (f.end_char - f.start_char)
        out: list[_Mention] = []
        for sp in sorted(spans, key=lambda s: (-(s.end_char - s.start_char), s.start_char)):
            s, e = sp.start_char, sp.end_char
            if any(occupied[s:e]):
                continue
            occupied[s:e] = b"\x02" * (e - s)
            ident = sp.id_
            if sp.label_ == "RESET":
                out.append(_Mention(s, e, None, None, reset=True))
            elif sp.label_ == "MEASURE":
                out.append(_Mention(s, e, None, ident))
            else:
                ind, _, meas = ident.partition("/")
                out.append(_Mention(s, e, ind, meas or None))
        return sorted(out, key=lambda m: m.start)

    def _link(
        self,
        text: str,
        figures: list[Any],
        mentions: list[_Mention],
        clauses: list[int],
        segments: list[int],
    ) -> None:
        """Each count or pct takes the indicator named right after it, else the one last
        named in its clause, as long as every segment (，、) since then held a figure:
        "个案接案 100 个，开展 552 节" carries; "结合入户探访、…，开展活动 36 场次" does not."""
        parens = bytearray(len(text) + 1)
        for p in _PARENS.finditer(text):
            parens[p.start() : p.end()] = b"\x01" * (p.end() - p.start())

        def in_parens(m: _Mention) -> bool:
            return all(parens[m.start : m.end])

        by_start = {m.start: m for m in mentions}
        starts = [m.start for m in mentions]  # `mentions` is sorted by start
        events: list[tuple[int, int, Any]] = [(m.start, 0, m) for m in mentions]
        events += [(f.start_char, 1, f) for f in figures]
        events.sort(key=lambda t: (t[0], t[1]))
        clause = segment = -1
        ind: str | None = None
        meas: str | None = None
        fig_in_segment = False
        ind_segment = -1  # segment of the mention that set `ind`
        # (indicator, measure) pairs a mention already gave a count to: a second count
        # of the same measure does not inherit it ("建档 291 份，…实际人数 278人").
        used: set[tuple[str, str]] = set()
        # mentions a count printed before them took (`_named_after`): start → (ind, measure)
        claimed: dict[int, tuple[str, str]] = {}
        # The indicator last named in the clause, kept across figure-less segments: a
        # completion rate may follow it there ("入户探访未完成协议指标，完成率为 94.40%").
        in_clause: tuple[str | None, str | None] = (None, None)
        # A topic the clause announces ("个案服务方面，接案 25 个，面谈 228 节"): its
        # figures count that indicator in the measure their own words name.
        topic: str | None = None
        # The indicator and measure of the clause's last count, for a rate stated as the
        # share of a target that count completed.
        last_count: tuple[str | None, str | None] = (None, None)
        for pos, is_fig, obj in events:
            c = bisect.bisect_right(clauses, pos) - 1
            # a name holding a segment break (咨询、偶到服务) is of the segment it ends in
            sg = bisect.bisect_right(segments, pos if is_fig else obj.end - 1) - 1
            # a segment skipped over had no events, hence no figure
            if c != clause:
                in_clause = (None, None)
                last_count = (None, None)
                topic = None
            if c != clause or sg > segment + 1 or (sg != segment and not fig_in_segment):
                ind, meas = None, None
            if sg != segment:
                fig_in_segment = False
            clause, segment = c, sg
            if not is_fig:
                if in_parens(obj):
                    continue
                if obj.reset:
                    ind, meas = None, None
                elif obj.indicator is not None:
                    ind, meas, ind_segment = obj.indicator, obj.measure, segment
                    in_clause = (obj.indicator, obj.measure)
                    # a name the count before it took ("2433户困难群众建立服务档案") has
                    # given that count already
                    used = {claimed[obj.start]} if obj.start in claimed else set()
                    if _TOPIC.match(text, obj.end):
                        topic = obj.indicator
                    elif _LABEL_TAIL.match(text, obj.end) and _LABEL_HEAD.fullmatch(
                        text, clauses[c] if c >= 0 else 0, obj.start
                    ):
                        topic = obj.indicator
                else:
                    meas = obj.measure
                continue
            fig_in_segment = True
            info: FigureInfo = obj._.figure
            if info.kind not in ("count", "pct"):
                continue
            f_ind, f_meas = ind, meas
            if f_ind is None and topic is not None and info.kind == "count":
                f_ind = topic
            if info.kind == "pct" and ind_segment != segment:
                f_ind = None  # table cells and long lists: a pct does not inherit
                if _RATE_CUE.search(text[max(0, pos - 8) : pos]):
                    f_ind, f_meas = in_clause  # ... unless introduced as a completion rate
                elif _RATE_LIST_CUE.search(text, clauses[c] if c >= 0 else 0, pos):
                    f_ind, f_meas = in_clause  # ... or listed after "完成率分别为"
                elif _SHARE_CUE.search(text[max(0, pos - 12) : pos]) and last_count[0]:
                    f_ind, f_meas = last_count  # ... or as the share of a target done
            follow = by_start.get(obj.end_char)
            carried = not (follow is not None and not follow.reset and follow.indicator)
            ahead: _Mention | None = None
            if f_ind is None and info.kind == "count" and follow is None:
                ahead = _named_after(
                    text, obj.start_char, obj.end_char, mentions, starts, segments, figures
                )
                if ahead is not None:
                    f_ind, f_meas, carried = ahead.indicator, ahead.measure, False
            if follow is not None and not follow.reset and info.kind == "count":
                # "342 名志愿者": the noun right after the figure names it
                if follow.indicator is not None:
                    f_ind, f_meas = follow.indicator, follow.measure
                else:
                    f_meas = follow.measure
            if f_ind is None:
                continue
            spec = self.vocab.indicators[f_ind]
            moved = spec.unit_indicators.get(info.unit or "")
            if moved is not None and info.kind == "count":
                f_ind, f_meas = moved, None
                spec = self.vocab.indicators[f_ind]
            if info.kind not in spec.kinds:
                continue
            if info.kind == "count" and spec.count_units and info.unit not in spec.count_units:
                continue
            by_unit = spec.units.get(info.unit or "")
            measure = by_unit or f_meas or spec.default_measure
            if info.kind == "count" and carried:
                if (f_ind, measure) in used:
                    continue
                used.add((f_ind, measure))
            info.indicator = f_ind
            info.measure = measure
            if info.kind == "count":
                last_count = (f_ind, measure)
            if ahead is not None:
                claimed[ahead.start] = (f_ind, measure)

    def _pair(
        self, text: str, figures: list[Any], clauses: list[int], mentions: list[_Mention]
    ) -> None:
        """ "A 1 个，B 2 个，分别完成 …的 x%，y%": pair the last counts with the pcts in order.

        A single rate that names its indicator again after the last count and reads as
        an earlier count of the clause stays its own ("举办社区活动 35 场，参与居民 7989
        人次，社区活动完成率为 97.22%": the rate of the 场, not of the 人次)."""
        i, clause = 0, -1
        pending: list[Any] = []
        while i < len(figures):
            f = figures[i]
            c = bisect.bisect_right(clauses, f.start_char) - 1
            if c != clause:
                clause, pending = c, []
            kind = f._.figure.kind
            if kind == "count":
                pending.append(f)
                i += 1
                continue
            if kind != "pct":
                i += 1
                continue
            run = [f]
            j = i + 1
            while j < len(figures) and figures[j]._.figure.kind == "pct":
                gap = text[run[-1].end_char : figures[j].start_char]
                if not _LIST_GAP.fullmatch(gap):
                    break
                run.append(figures[j])
                j += 1
            if pending and len(pending) >= len(run):
                counts = pending[-len(run) :]
                if self._cue.search(
                    text[counts[-1].end_char : run[0].start_char]
                ) and not _names_other(pending, run, mentions):
                    for cnt, pct in zip(counts, run, strict=True):
                        ci: FigureInfo = cnt._.figure
                        pi: FigureInfo = pct._.figure
                        ci.paired_pct, pi.paired_count = pi.value, ci.value
                        pi.indicator, pi.measure = ci.indicator, ci.measure
            pending = []
            i = j
