"""Scoring: party weights and grade bands as printed (profile defaults only when the
report prints none), the four party scores, the total and the grade."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, partial
from itertools import pairwise

from extractor.document.model import Block, Document, Section, Table, TableCell
from extractor.knowledge import Profile, scope_vocab
from extractor.numbers import normalise
from extractor.passes.indicators import _appendix_of
from extractor.passes.tables.consistency import judged_apart
from extractor.passes.tables.pairs import named_pair, split_named_pairs
from extractor.passes.text import Hit, Scan, doubted_as, first, search
from extractor.printed import parse_printed
from extractor.records import (
    GradeBand,
    Number,
    Party,
    PartyScore,
    PartyWeight,
    Provenance,
    ScoreTableRead,
    Scoring,
    Text,
)


def _blocks_of(sections: list[Section]) -> list[Block]:
    out: list[Block] = []
    for s in sections:
        for sec in s.walk():
            if sec.heading is not None:
                out.append(sec.heading)
            out.extend(sec.blocks)
    return out


def _number(hit: Hit, group: str | int, unit: str | None = None) -> Number:
    return Number(
        value=float(hit.match.group(group)),
        printed=hit.printed(group),
        unit=unit,
        prov=hit.prov(0),
    )


def _weights(blocks: list[Block], profile: Profile, scan: Scan | None = None) -> list[PartyWeight]:
    """The parties' weights as printed (`scan`: the pass's memo of block matches)."""
    scan = scan or Scan()
    found: dict[str, PartyWeight] = {}
    hits = list(scan.search(blocks, profile.pattern("weight")))
    if len({profile.party_of(h.match.group("party")) for h in hits} - {None}) < len(
        profile.parties
    ):
        # "各方评分权重：监督方10%、购买方20%…": a list after a weights cue, in the same
        # paragraph or as the list items right after it ("（1）第三方评估机构：50%；").
        cue = profile.pattern("weight_cue")
        cued: list[Block] = []
        for i, b in enumerate(blocks):
            if cue.search(b.normalised.text):
                cued.append(b)
                for nxt in blocks[i + 1 : i + 1 + len(profile.parties) + 1]:
                    if nxt.kind == "heading" or len(nxt.text) > 60:
                        break
                    cued.append(nxt)
        hits += list(scan.search(cued, profile.pattern("weight_list")))
    for hit in hits:
        party = profile.party_of(hit.match.group("party"))
        if party and party not in found:
            found[party] = PartyWeight(
                party=party,
                weight=float(hit.match.group("value")),
                prov=hit.prov(0),
            )
    if len(found) < len(profile.parties):
        found.update(_point_weights(blocks, profile, found, scan))
    # Four weights that add to 100 are the report's; a partial set is not trusted.
    if (
        len(found) == len(profile.parties)
        and abs(sum(w.weight for w in found.values()) - 100) < 0.01
    ):
        return [found[p] for p in profile.parties if p in found]
    return []


def _point_weights(
    blocks: list[Block], profile: Profile, found: dict[str, PartyWeight], scan: Scan
) -> dict[str, PartyWeight]:
    """Weights printed as points of the full mark, in the clause after it ("满分100分，
    其中购买方25分、区民政局15分、市社工督导中心10分、第三方评估机构50分"): each
    party's points as a share of the full mark, in percent. After a cue naming the
    parties' points with no full mark ("各方分值为购买方25分、…"), the points out of 100
    (`_weights` keeps four that add up to 100 only). A point figure counts where its
    value stands in the clause (its party's words may run back over the cue)."""
    out: dict[str, PartyWeight] = {}
    scale, points = profile.pattern("weight_scale"), profile.pattern("weight_points")
    for b in blocks:
        text = b.normalised.text
        for scaled in scan.search([b], scale):
            m = scaled.match
            full = float(m.group("max") or 100)
            if full <= 0:
                continue
            # the clause the full mark opens, up to the sentence's end
            end = min(
                [i for i in (text.find(ch, m.end()) for ch in "。；;") if i >= 0] or [len(text)]
            )
            for hit in scan.search([b], points):
                if not m.end() <= hit.match.start("value") < end:
                    continue
                party = profile.party_of(hit.match.group("party"))
                if party and party not in found and party not in out:
                    out[party] = PartyWeight(
                        party=party,
                        weight=round(float(hit.match.group("value")) * 100 / full, 4),
                        prov=hit.prov(0),
                    )
    return out


def _bands(
    blocks: list[Block],
    profile: Profile,
    tables: list[Table] | None = None,
    scan: Scan | None = None,
    *,
    across: bool = False,
) -> list[GradeBand]:
    """Grade bands as printed, threshold first ("90分以上为优秀") or grade first ("优秀：
    85分及以上", one band per line or per row of a bands table; `across`: per column of
    a bands table laid out sideways, 等级 │ 优秀 │ 良好 … over 综合得分 │ 90分以上 │ …);
    `scan`: the pass's memo of block matches."""
    scan = scan or Scan()
    bands: dict[str, GradeBand] = {}
    # A band names its grade, and its grade group matches one of the ladder's grades
    # as printed (a one-character grade with a look-ahead): a block or a row that holds
    # none of them has no band, and the band patterns are searched in the others only.
    grades = profile.grades
    blocks = [b for b in blocks if any(g in b.normalised.text for g in grades)]
    rows = [
        (text, label)
        for text, label in (_column_lines if across else _row_lines)(tables or [])
        if any(g in text for g in grades)
    ]
    # interval notation ([80,90)) first: its brackets say which ends the band includes
    found = [
        ("interval", m, prov)
        for m, prov in _band_hits(blocks, rows, profile.pattern("band_interval"), scan)
        if _SQUARE & set(m.group("open") + m.group("close"))
    ]
    found += [
        (kind, m, prov)
        for kind in ("at_least", "between", "below")
        for name in (f"band_{kind}", f"band_{kind}_g", f"band_{kind}_i")
        for m, prov in _band_hits(blocks, rows, profile.pattern(name), scan)
    ]
    interval: set[str] = set()
    for kind, m, prov in found:
        g = m.group("grade")
        if g is None or g in bands:
            continue  # (a pattern whose grade group did not take part names no band)
        if kind == "interval":
            bands[g] = GradeBand(
                grade=g,
                lower=float(m.group("lower")),
                lower_inclusive=m.group("open") in "[［",
                upper=float(m.group("upper")),
                upper_inclusive=m.group("close") in "]］",
                prov=prov,
            )
            interval.add(g)
            continue
        lower = float(m.group("lower")) if kind in ("at_least", "between") else None
        upper = float(m.group("upper")) if kind in ("between", "below") else None
        bands[g] = GradeBand(grade=g, lower=lower, upper=upper, prov=prov)
    if set(bands) != set(profile.grades):
        return []
    ladder = [bands[g] for g in profile.grades]
    if not _is_ladder(ladder):
        # A misread (a range taken for its lower end, a band of another scale): bands
        # that overlap, leave a gap or run the wrong way are not the report's bands, and
        # a grade is never judged against them.
        return []
    lowers = {b.lower for b in bands.values() if b.lower is not None}
    for b in bands.values():
        # "80 分至 90 分" shares 90 with the band above: exclusive. "80-89 分": inclusive.
        # (A band in interval notation says so with its brackets.)
        if b.grade not in interval and b.upper is not None and b.upper not in lowers:
            b.upper_inclusive = True
    return ladder


_SQUARE = frozenset("[]［］")


def _is_ladder(bands: list[GradeBand]) -> bool:
    """Bands best first, each meeting the one above it: the best open above (or up to
    the scale's top), the worst open below (or from 0), each non-empty, and each band's
    upper end the lower end of the band above ("80 分至 90 分" under "90 分以上";
    "80-89 分" leaves a step of 1)."""
    if not bands or bands[0].lower is None or bands[-1].upper is None:
        return False
    top, bottom = bands[0], bands[-1]
    if (top.upper is not None and top.upper <= bands[0].lower) or (bottom.lower or 0) != 0:
        return False
    for better, worse in pairwise(bands):
        if worse.upper is None or better.lower is None:
            return False
        if not better.lower - 1 <= worse.upper <= better.lower:
            return False
        if worse.lower is not None and worse.lower >= worse.upper:
            return False
    return True


def _row_lines(tables: list[Table]) -> list[tuple[str, TableCell]]:
    """Each row of `tables` with text, as one normalised line, and its label cell: made
    once for the nine band patterns searched in them. Header rows too: a small table of
    text (等级 │ 分数段, 优秀（A） │ 90分及以上) may be read with its bands as header rows,
    and a header naming its columns matches no band."""
    out: list[tuple[str, TableCell]] = []
    for t in tables:
        for row in t.grid():
            cells = _row_texts(row)
            if cells:
                out.append((normalise("".join(c.text for c in cells)), cells[0]))
    return out


def _column_lines(tables: list[Table]) -> list[tuple[str, TableCell]]:
    """Each column of `tables` with text, read down as one normalised line, and its top
    cell: the rows of a bands table printed sideways (the grades along its first row,
    each grade's range under it)."""
    out: list[tuple[str, TableCell]] = []
    for t in tables:
        grid = t.grid()
        for col in range(t.n_cols):
            cells = _row_texts([row[col] for row in grid])
            if cells:
                out.append((normalise("".join(c.text for c in cells)), cells[0]))
    return out


def _band_hits(
    blocks: list[Block], rows: list[tuple[str, TableCell]], rx: re.Pattern[str], scan: Scan
) -> list[tuple[re.Match[str], Provenance]]:
    out: list[tuple[re.Match[str], Provenance]] = [
        (h.match, h.prov()) for h in scan.search(blocks, rx)
    ]
    for text, label in rows:
        m = rx.search(text)
        if m:
            out.append((m, label.provenance()))
    return out


def extract_scoring(doc: Document, profile: Profile) -> Scoring:
    sections = doc.sections()
    basis = [s for s in sections if s.canonical in ("result_notes", "basis")]
    result = [s for s in sections if s.canonical == "result"]
    text_blocks = _blocks_of(basis) or doc.blocks
    # each party's score sentence in its own section: read once, for the weights it may
    # print (满分) and for the scores, and only if an earlier source gives neither
    sentences = cache(partial(_section_sentences, doc, profile))
    # a table's score/full-mark cells made two once, for the weights and for the scores
    split_tables: dict[int, Table] = {}

    def split(t: Table) -> Table:
        got = split_tables.get(id(t))
        if got is None:
            got = split_tables[id(t)] = _pairs_split(t, profile)
        return got

    # the weight and band patterns are looked for in the basis sections' blocks, then
    # in all the document's (which hold those again): each block searched once a pattern
    scan = Scan()

    scoring = Scoring()
    stated = (
        _weights(text_blocks, profile, scan)
        or _weights(doc.blocks, profile, scan)
        or _ordered_weights(text_blocks, profile)
        or _ratio_weights(text_blocks, profile)
    )
    tabled = _table_weights(basis + result, profile, split) or _table_weights(
        [doc.root], profile, split
    )
    # each party's criteria table (评分项目 │ 分值 │ 得分 closing on 小计) in its own section
    criteria = cache(partial(_criteria_subtotals, doc, profile))
    weights = (
        stated
        or tabled
        or _section_weights(sentences(), profile)
        or _criteria_weights(criteria().scores, profile)
    )
    if tabled:
        # kept beside the weights used: where they disagree with the text's, a table
        # whose party columns were read in another order says so; where they agree, the
        # table's party columns were read as printed
        scoring.table_weights = tabled
    if weights:
        scoring.weights, scoring.weights_source = weights, "report"
    else:
        scoring.weights = [
            PartyWeight(party=p, weight=v.default_weight) for p, v in profile.party_items()
        ]
        scoring.weights_source = "profile"
    band_tables = [t for sec in basis + result for s in sec.walk() for t in s.tables]
    bands: list[GradeBand] = []
    for ladder in (profile, *(profile.with_grades(g) for g in profile.grade_scales)):
        bands = (
            _bands(text_blocks, ladder, band_tables, scan)
            or _bands(doc.blocks, ladder, doc.tables, scan)
            or _bands([], ladder, band_tables, scan, across=True)
            or _bands([], ladder, doc.tables, scan, across=True)
        )
        if bands:
            # the report's own ladder: its total's band edges and its grade are its words
            profile = ladder
            break
    if bands:
        scoring.bands, scoring.bands_source = bands, "report"
    else:
        scoring.bands = [GradeBand(**b.model_dump()) for b in profile.default_bands]
        scoring.bands_source = "profile"

    result_blocks = _blocks_of(result)
    tables = _score_tables(doc, result, profile, split)
    # the weighted terms a formula sentence sums to the total are the party scores,
    # whatever marks out of 100 the report prints beside them
    scores: dict[Party, PartyScore] = _formula_scores(result_blocks, profile)
    for hit in search(result_blocks, profile.pattern("party_score")):
        party = profile.party_of(hit.match.group("party"))
        if party and party not in scores:
            scores[party] = PartyScore(party=party, score=_number(hit, "value", "分"))
    if len(scores) < len(profile.parties):
        for party, score in _listed_scores(result_blocks, profile).items():
            scores.setdefault(party, score)
    tabled_rows: dict[Party, ScoreRow] = {}
    if len(scores) < len(profile.parties):
        for party, score in _table_scores(tables, profile, tabled_rows).items():
            scores.setdefault(party, score)
    from_criteria = False
    if not scores:
        scores = _heading_scores(doc, profile)
    if not scores:
        scores = {p: score for p, (score, _) in sentences().items()}
    if not scores:
        scores = _stated_scores(doc, result, profile)
    if not scores:
        scores = {p: score for p, (score, _) in criteria().scores.items()}
        from_criteria = bool(scores)
    scoring.party_scores = [scores[p] for p, _ in profile.party_items() if p in scores]
    scoring.total = _total(doc, result_blocks, tables, profile, scoring.party_scores)
    if scoring.total is not None:
        maximum = sum(w.default_weight for _, w in profile.party_items())
        complete = len(scoring.party_scores) == len(profile.parties)
        scoring.total = point_restored(
            scoring.total, scoring.party_scores if complete else [], maximum
        )
    scoring.grade = _grade(doc, result_blocks, tables, profile, scoring.total)
    if from_criteria:
        scoring.table_read = criteria().read
    else:
        rows = {p: r for p, r in tabled_rows.items() if scores.get(p) is r.score}
        scoring.table_read = _score_table_read(rows, scoring, profile)
    return scoring


def point_restored(total: Number, parties: list[PartyScore], maximum: float) -> Number:
    """An OCR'd total whose decimal point the engine lost ("8675" printed as 86.75, a
    point is thin and faint under a seal), read with the point put back where the
    report says it stood: where the reading equals the sum of the (complete) party
    scores, or, with no sum to go by, where the figure as read exceeds the scale's
    maximum and one reading with the parties' decimals fits under it. The reading is a
    structural guess, not the engine's: the restored place is marked doubtful and the
    confidence capped, so a check that fails on it is a warning. Anything else is left
    as read (the checker's misread guard names the alternatives)."""
    prov = total.prov
    printed = total.printed or ""
    if prov is None or prov.confidence is None or not re.fullmatch(r"\d{3,}", printed):
        return total
    places = {1, 2}
    if parties:
        shown = [p.score.printed or "" for p in parties]
        decimals = {len(t.split(".")[1]) for t in shown if "." in t}
        places = decimals & places or places
    readings = [(k, printed[:-k] + "." + printed[-k:]) for k in sorted(places)]
    chosen: tuple[int, str] | None = None
    if parties:
        total_sum = sum(p.score.value for p in parties)
        fits = [r for r in readings if abs(float(r[1]) - total_sum) <= 0.005 * len(parties)]
        chosen = fits[0] if len(fits) == 1 else None
    elif total.value > maximum:
        under = [r for r in readings if float(r[1]) <= maximum]
        chosen = under[0] if len(under) == 1 else None
    if chosen is None:
        return total
    k, reading = chosen
    where = prov.text.rfind(printed)
    doubt = set(prov.doubtful or [])
    if where >= 0:
        doubt.add(where + len(printed) - k)
    return total.model_copy(
        update={
            "value": float(reading),
            "printed": reading,
            "prov": prov.model_copy(
                update={"confidence": min(prov.confidence, 0.5), "doubtful": sorted(doubt)}
            ),
        }
    )


def _heading_scores(doc: Document, profile: Profile) -> dict[Party, PartyScore]:
    """Party scores printed in the heading of each party's own section ("（一）购买方
    （…）评估意见（得分：19.13分）"): taken only when every party's heading prints one."""
    rx = profile.pattern("heading_score")
    out: dict[Party, PartyScore] = {}
    for pid, p in profile.party_items():
        tops = doc.outermost(p.section)
        hits = [h for top in tops if top.heading for h in search([top.heading], rx)]
        if len(hits) != 1:
            return {}
        out[pid] = PartyScore(party=pid, score=_number(hits[0], "value", "分"))
    return out


def _section_sentences(
    doc: Document, profile: Profile
) -> dict[Party, tuple[PartyScore, PartyWeight | None]]:
    """Each party's score in a sentence of its own section, outside its praise and
    concern ("购买方（…）对服务站本期工作评分为25.38分（满分30分）"), with the full mark
    printed after it as the party's weight in points: taken only when every party's
    section prints exactly one such score."""
    rx = profile.pattern("section_score")
    out: dict[Party, tuple[PartyScore, PartyWeight | None]] = {}
    for pid, p in profile.party_items():
        tops = doc.outermost(p.section)
        hits = [h for top in tops for h in search(top.blocks, rx)]
        if len(hits) != 1:
            return {}
        hit = hits[0]
        weight = None
        if hit.match.group("max") is not None:
            weight = PartyWeight(
                party=pid, weight=float(hit.match.group("max")), prov=hit.prov("max")
            )
        out[pid] = (PartyScore(party=pid, score=_number(hit, "value", "分")), weight)
    return out


@dataclass(slots=True)
class Criteria:
    """The parties' scores (and full marks) from their criteria tables' 小计 lines, and
    the read of those tables (None when no party's was taken)."""

    scores: dict[Party, tuple[PartyScore, PartyWeight | None]]
    read: ScoreTableRead | None = None


def _criteria_subtotals(doc: Document, profile: Profile) -> Criteria:
    """Each party's score as the closing 小计 row of its own criteria table, in its own
    section (表3-1 购买方评分表: 评分项目 │ 分值 │ 得分 … 小计 │ 30 │ 27.43): the 小计's
    得分 the party's score, its 分值 the party's full mark (its weight in points). A 分值
    is a maximum and never a score. Taken only when every party's own sections hold
    exactly one such table, its caption naming no other party (a table read into the
    wrong section is no evidence)."""
    label = profile.pattern("subtotal_label")
    score_rx, full_rx = profile.pattern("score_half"), profile.pattern("weight_header")
    out: dict[Party, tuple[PartyScore, PartyWeight | None]] = {}
    taken: list[tuple[Table, TableCell, TableCell | None]] = []
    for pid, p in profile.party_items():
        found: list[tuple[Table, TableCell, TableCell | None]] = []
        seen: set[int] = set()
        for top in doc.outermost(p.section):
            for sec in top.walk():
                for t in sec.tables:
                    if id(t) in seen:
                        continue
                    seen.add(id(t))
                    named = profile.party_of(t.caption) if t.caption else None
                    if named is not None and named != pid:
                        continue
                    got = _subtotal_cells(t, label, score_rx, full_rx)
                    if got is not None:
                        found.append((t, *got))
        if len(found) != 1:
            return Criteria({})
        taken.append(found[0])
        _, score, full = found[0]
        weight = None
        if full is not None and _NUM.match(full.text.strip()):
            weight = _cell_weight(pid, full)
        out[pid] = (PartyScore(party=pid, score=_cell_number(score)), weight)
    return Criteria(out, _criteria_read(taken))


def _plain(c: TableCell | None) -> Fraction | None:
    """The value of a cell printing one plain number (分 after it or not), else None."""
    if c is None or not _NUM.match(c.text.strip()):
        return None
    return Fraction(c.text.strip().rstrip("分").strip())


def _half_step(c: TableCell) -> Fraction:
    """Half a unit of the last digit the cell prints: the rounding a figure carries
    (`printed.Printed.step`; asked only of cells printing a number)."""
    printed = parse_printed(c.text)
    return printed.step / 2 if printed is not None else Fraction(1, 2)


Relation = tuple[bool, set[object]]  # (holds, the figures it takes part in)


def _criteria_read(taken: list[tuple[Table, TableCell, TableCell | None]]) -> ScoreTableRead:
    """The parties' criteria tables' relations: each item line's 得分 at most its 分值, and
    the 小计 line the sum of the item lines above it, in each column (within the
    figures' rounding)."""
    relations: list[Relation] = []
    for t, score, full in taken:
        grid = t.grid()
        items: list[tuple[TableCell, TableCell | None]] = []
        for r in range(t.header_rows, score.row):
            row = grid[r]
            got = row[score.col] if score.col < len(row) else None
            mark = row[full.col] if full is not None and full.col < len(row) else None
            if got is None or got.row != r or got.col != score.col or _plain(got) is None:
                continue
            items.append((got, mark if mark is not None and mark.row == r else None))
        for got, mark in items:
            a, b = _plain(got), _plain(mark)
            if a is not None and b is not None and mark is not None:
                relations.append((a <= b, {id(got), id(mark)}))
        columns = [(score, [g for g, _ in items])]
        if full is not None and all(m is not None for _, m in items):
            columns.append((full, [m for _, m in items if m is not None]))
        for whole, parts in columns:
            w = _plain(whole)
            vals = [_plain(c) for c in parts]
            if w is None or len(parts) < 2 or any(v is None for v in vals):
                continue
            added = sum((v for v in vals if v is not None), Fraction(0))
            slack = sum((_half_step(c) for c in parts), _half_step(whole))
            relations.append((abs(added - w) <= slack, {id(whole), *map(id, parts)}))
    tables = [t for t, _, _ in taken]
    return _score_read(tables, relations, ["party_scores"])


def _score_read(
    tables: list[Table], relations: list[Relation], fields: list[str]
) -> ScoreTableRead:
    """A score read from its relations: trusted unless the relations that fail share no
    figure (a published slip moves one figure and breaks only relations through it; a
    line read rotated or two columns read the wrong way round break relations apart)."""
    names = [_appendix_of(t) or t.caption.strip() for t in tables]
    return ScoreTableRead(
        table="、".join(dict.fromkeys(n for n in names if n)),
        caption="；".join(t.caption.strip() for t in tables if t.caption.strip()),
        pages=sorted({p for t in tables for p in t.pages}),
        rows=sum(t.n_rows - t.header_rows for t in tables),
        **judged_apart(relations),
        fields=fields,
    )


def _subtotal_cells(
    t: Table, label: re.Pattern[str], score_rx: re.Pattern[str], full_rx: re.Pattern[str]
) -> tuple[TableCell, TableCell | None] | None:
    """A criteria table's 小计 row's score cell (under the header 得分) and full-mark cell
    (under 分值), if the table has one score column and exactly one such row whose score
    is a plain number."""
    if not t.header_rows:
        return None
    grid = t.grid()
    head = [re.sub(r"\s+", "", c.text) if c is not None else "" for c in grid[t.header_rows - 1]]
    score_cols = [i for i, h in enumerate(head) if score_rx.match(h)]
    full_cols = [i for i, h in enumerate(head) if full_rx.match(h)]
    if len(score_cols) != 1 or len(full_cols) > 1:
        return None
    rows = [
        row
        for row in t.body()
        if row and row[0] is not None and label.search(re.sub(r"\s+", "", row[0].text))
    ]
    if len(rows) != 1:
        return None
    row = rows[0]
    score = row[score_cols[0]] if score_cols[0] < len(row) else None
    if score is None or score.col != score_cols[0] or not _NUM.match(score.text.strip()):
        return None
    full = row[full_cols[0]] if full_cols and full_cols[0] < len(row) else None
    if full is not None and full.col != full_cols[0]:
        full = None
    return score, full


def _criteria_weights(
    subtotals: dict[Party, tuple[PartyScore, PartyWeight | None]], profile: Profile
) -> list[PartyWeight]:
    """The full marks of the parties' criteria tables' 小计 rows (`_criteria_subtotals`),
    when every party has one and they add up to 100: the weights in points."""
    return _section_weights(subtotals, profile)


def _stated_scores(
    doc: Document, result: list[Section], profile: Profile
) -> dict[Party, PartyScore]:
    """Each party's score stated in its own section after its full mark and a deduction
    list ("满分30分。扣分项：…，扣1.5分。共扣5.5分，实得24.5分。"): the party's own
    sections are those of its canonical id and the parts of the result whose heading
    names it alone ("一、购买方评分"). Taken only when every party's sections state
    exactly one such score; a deduction or a full mark is never one."""
    rx = profile.pattern("stated_score")
    own: dict[Party, list[Section]] = {
        pid: list(doc.outermost(p.section)) for pid, p in profile.party_items()
    }
    for top in result:
        for sec in top.walk()[1:]:
            if sec.heading is None:
                continue
            text = sec.heading.text
            named = {q for q, p in profile.party_items() for n in p.names if n in text}
            pid = profile.party_of(text)
            if pid is not None and named <= {pid} and all(sec is not s for s in own[pid]):
                own[pid].append(sec)
    out: dict[Party, PartyScore] = {}
    for pid, _ in profile.party_items():
        blocks = [b for sec in _distinct(own[pid]) for b in _own_blocks(sec)]
        hits = list(search(blocks, rx))
        if len(hits) != 1:
            return {}
        out[pid] = PartyScore(party=pid, score=_number(hits[0], "value", "分"))
    return out


def _distinct(sections: list[Section]) -> list[Section]:
    """`sections` without any that sits inside another of them."""
    inner = {id(s) for top in sections for s in top.walk()[1:]}
    return [s for s in sections if id(s) not in inner]


def _own_blocks(sec: Section) -> list[Block]:
    return [b for s in sec.walk() for b in s.blocks]


def _section_weights(
    sentences: dict[Party, tuple[PartyScore, PartyWeight | None]], profile: Profile
) -> list[PartyWeight]:
    """The full marks printed with each party's score in its own section
    (`_section_sentences`), when every party has one and they add up to 100 (the weights
    in points; a score out of 100 for each party says nothing of the weights)."""
    found = [w for _, w in sentences.values()]
    weights = [w for w in found if w is not None]
    if len(weights) != len(profile.parties) or abs(sum(w.weight for w in weights) - 100) >= 0.01:
        return []
    return weights


def _ordered_weights(blocks: list[Block], profile: Profile) -> list[PartyWeight]:
    """Weights listed 依次/分别 after the parties were named in the same sentence, in
    that order: one weight per party named, each party once."""
    rx = profile.pattern("weight_in_order")
    for hit in search(blocks, rx):
        order = _named_before(hit, profile)
        values = re.findall(r"\d+(?:\.\d+)?(?=\s*%)", hit.match.group("values"))
        if len(order) != len(values) or sorted(order) != sorted(profile.parties):
            continue
        weights = [
            PartyWeight(party=pid, weight=float(v), prov=hit.prov("values"))
            for pid, v in zip(order, values, strict=True)
        ]
        if abs(sum(w.weight for w in weights) - 100) < 0.01:
            by = {w.party: w for w in weights}
            return [by[p] for p, _ in profile.party_items()]
    return []


def _named_before(hit: Hit, profile: Profile) -> list[Party]:
    """The parties named in the hit's sentence before it, in the order named (each name
    once; the longest name where two overlap)."""
    names = sorted(
        ((n, pid) for pid, p in profile.party_items() for n in p.names),
        key=lambda np: -len(np[0]),
    )
    text = hit.norm.text
    start = max(text.rfind(ch, 0, hit.match.start()) for ch in "。；;") + 1
    before = text[start : hit.match.start()]
    named: list[tuple[int, Party]] = []
    taken: list[tuple[int, int]] = []
    for n, pid in names:
        for m in re.finditer(re.escape(n), before):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            named.append((m.start(), pid))
    return [pid for _, pid in sorted(named)]


def _ratio_weights(blocks: list[Block], profile: Profile) -> list[PartyWeight]:
    """Weights printed only as a ratio of the parties' full marks ("四方评分按3∶2∶1∶4的
    比例计入综合得分"), its terms in the order the parties were named before it in the
    sentence: each term's share of the ratio's sum, in percent. Taken only when the
    sentence names every party once and the ratio has one term for each."""
    for hit in search(blocks, profile.pattern("weight_ratio")):
        order = _named_before(hit, profile)
        terms = [float(v) for v in re.findall(r"\d+(?:\.\d+)?", hit.match.group("values"))]
        if len(order) != len(terms) or sorted(order) != sorted(profile.parties):
            continue
        whole = sum(terms)
        if whole <= 0:
            continue
        by = {
            pid: PartyWeight(party=pid, weight=round(v * 100 / whole, 4), prov=hit.prov("values"))
            for pid, v in zip(order, terms, strict=True)
        }
        return [by[p] for p, _ in profile.party_items()]
    return []


def _formula_scores(blocks: list[Block], profile: Profile) -> dict[Party, PartyScore]:
    """Party scores as the weighted terms of a formula sentence deriving the total:
    "综合得分＝购买方评分×30%＋…＋第三方评估机构评分×40%＝26.07＋16.50＋8.77＋37.48＝88.82分"
    — the n-th figure after the first ＝ is the n-th term's party's. Taken only when the
    terms name every party once, as many figures follow them, and no other formula
    sentence says otherwise."""
    term_rx, value_rx = profile.pattern("formula_term"), profile.pattern("formula_value")
    found: dict[Party, PartyScore] = {}
    for hit in search(blocks, profile.pattern("score_formula")):
        n, m = hit.norm, hit.match
        terms = list(term_rx.finditer(n.text, *m.span("terms")))
        values = list(value_rx.finditer(n.text, *m.span("values")))
        parties = [profile.party_of(t.group("party")) for t in terms]
        if (
            len(terms) != len(values)
            or None in parties
            or sorted(p for p in parties if p) != sorted(profile.parties)
        ):
            continue
        read = {
            p: PartyScore(party=p, score=_number(Hit(hit.block, v, n), 0, "分"))
            for p, v in zip(parties, values, strict=True)
            if p is not None
        }
        if found and found != read:
            return {}  # two formulas that disagree: neither is taken
        found = read
    return found


def _listed_scores(blocks: list[Block], profile: Profile) -> dict[Party, PartyScore]:
    """Party scores listed after a cue, in the sentence the cue opens: "各方评分分别为：
    滨河街道办事处18.79分，漓东区民政局8.11分，…；总得分86.45分" (the total names no party)."""
    cue, item = profile.pattern("score_cue"), profile.pattern("score_list")
    out: dict[Party, PartyScore] = {}
    for b in blocks:
        n = b.normalised
        for c in cue.finditer(n.text):
            end = n.text.find("。", c.end())
            for m in item.finditer(n.text, c.end(), len(n.text) if end < 0 else end):
                party = profile.party_of(m.group("party"))
                if party and party not in out:
                    out[party] = PartyScore(party=party, score=_number(Hit(b, m, n), "value", "分"))
    return out


def _scale_clause(hit: Hit, profile: Profile) -> bool:
    """The hit sits in a clause that states the scale or the weights ("评估总分为100分，
    其中…占比10%"), not the report's own score."""
    text = hit.norm.text
    start, end = hit.match.span()
    lo = max(text.rfind(ch, 0, start) for ch in "。；;") + 1
    ends = [i for ch in "。；;" if (i := text.find(ch, end)) >= 0]
    clause = text[lo : min(ends) if ends else len(text)]
    return bool(profile.pattern("total_maximum").search(clause))


_BAND_PATTERNS = tuple(
    f"band_{kind}{form}" for kind in ("at_least", "between", "below") for form in ("", "_g", "_i")
)


def _band_clause(hit: Hit, profile: Profile) -> bool:
    """The hit's figure is an edge of a grade band the same text defines ("综合得分90分
    （含）以上为优秀"): a band definition, not the report's score."""
    start, end = hit.match.span("value")
    for name in _BAND_PATTERNS:
        for m in profile.pattern(name).finditer(hit.norm.text):
            for group in ("lower", "upper"):
                if group in m.re.groupindex and m.group(group) is not None:
                    lo, hi = m.span(group)
                    if lo < end and start < hi:
                        return True
    return False


@cache
def _earlier_words() -> re.Pattern[str]:
    """Any word naming an earlier period, longest first (scopes.yaml earlier_period)."""
    words = sorted(scope_vocab().earlier_period, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _earlier_clause(hit: Hit) -> bool:
    """The hit's sentence names an earlier period before it ("上年度评估中，…综合得分为
    85.03分，评估等级为良好"): a previous period's total or grade quoted for comparison,
    not this report's. A word of this period after the earlier one ("与上年度相比，本期
    综合得分为…") makes it this report's again; so does an earlier period named as the
    base of a change ("…88.08分，较上年度提高3.05分，评估等级为良好": 较上年度), or
    named after the figure (models/vocab/scopes.yaml earlier_period, earlier_base,
    current_period)."""
    text = hit.norm.text
    start = hit.match.start()
    lo = max(text.rfind(ch, 0, start) for ch in "。；;!！?？") + 1
    before = text[lo:start]
    v = scope_vocab()
    named = [
        (m.start(), m.end())
        for m in _earlier_words().finditer(before)
        if not before[: m.start()].endswith(v.earlier_base)
    ]
    if not named:
        return False
    rest = before[named[-1][1] :]
    return not any(w in rest for w in v.current_period)


def _total(
    doc: Document,
    result_blocks: list[Block],
    tables: list[Table],
    profile: Profile,
    parties: list[PartyScore],
) -> Number | None:
    """The report's total score: in the results section's text, else the total row of a
    score table, else a sentence elsewhere; never a clause that states the scale, nor the
    scale's maximum itself (a total of 100 where the parties did not all score full), nor
    the edge of a grade band the sentence defines, nor a figure read as a party's score."""
    rx = profile.pattern("total")
    maximum = sum(w.default_weight for _, w in profile.party_items())
    short = bool(parties) and sum(p.score.value for p in parties) < maximum - 0.5
    # a figure already read as a party's score ("最终得分：17分" in its own section) is
    # not the total
    scored = {(p.score.prov.page, p.score.prov.bbox) for p in parties if p.score.prov}

    def scale(hit: Hit) -> bool:
        value = float(hit.match.group("value"))
        prov = _number(hit, "value", "分").prov
        return (
            (prov is not None and (prov.page, prov.bbox) in scored)
            or _earlier_clause(hit)
            or _scale_clause(hit, profile)
            or (value == maximum and short)
            or _band_clause(hit, profile)
        )

    for hit in search(result_blocks, rx):
        if not scale(hit):
            return _number(hit, "value", "分")
    total = _table_total(tables, profile)
    if total is not None:
        return total
    outside = {id(b) for s in doc.sections() if s.canonical in _SCALE_SECTIONS for b in s.blocks}
    blocks = [b for b in doc.blocks if id(b) not in outside]
    for hit in search(blocks, rx):
        if not scale(hit):
            return _number(hit, "value", "分")
    return None


# Sections that describe how scores are given, not what this report scored.
_SCALE_SECTIONS = frozenset({"basis", "result_notes"})


def _grade(
    doc: Document,
    result_blocks: list[Block],
    tables: list[Table],
    profile: Profile,
    total: Number | None = None,
) -> Text | None:
    boxes = first(result_blocks, profile.pattern("grade_boxes"))
    if boxes is not None:
        # a line of check boxes gives the grade only when one box is ticked
        return _ticked_grade(boxes, profile)
    rx = profile.pattern("grade")
    # a previous period's grade quoted for comparison is not this report's
    hit = next((h for h in search(result_blocks, rx) if not _earlier_clause(h)), None)
    if hit is not None:
        return Text(value=hit.match.group("grade"), prov=hit.prov("grade"))
    # OCR: the separator after the label read as another character, with doubt; the
    # grade's provenance then spans the label, so the doubtful character is named.
    hit = next(doubted_as(result_blocks, rx, "："), None)
    if hit is not None:
        return Text(value=hit.match.group("grade"), prov=hit.prov(0))
    for t in tables:
        for cells in _records(t, profile):
            m = rx.search(re.sub(r"\s+", "", "".join(c.text for c in cells)))
            if m:
                cell = next((c for c in cells if m.group("grade") in c.text), cells[-1])
                return Text(value=m.group("grade"), prov=cell.provenance())
    marked = _band_row_grade(doc.tables, profile, total)
    if marked is not None:
        return marked
    outside = {id(b) for s in doc.sections() if s.canonical in _SCALE_SECTIONS for b in s.blocks}
    blocks = [b for b in doc.blocks if id(b) not in outside]
    hit = next((h for h in search(blocks, rx) if not _earlier_clause(h)), None)
    if hit is not None:
        return Text(value=hit.match.group("grade"), prov=hit.prov("grade"))
    return None


def _band_row_grade(tables: list[Table], profile: Profile, total: Number | None) -> Text | None:
    """The grade printed only as the row of a bands table that holds this period's score
    (等级 │ 分数区间 │ 本期结果 over 优秀 │ 90分（含）以上 │ 本期得分88.20分, the other
    bands' result cells empty): the row's grade, whatever its band says (a grade put in
    the wrong band is the checker's to find). Read only where the structure is plain: a
    table with one row for each grade of the ladder, a column in which exactly one of
    those rows holds anything, and that cell's figure the total read elsewhere. A band
    row alone (a definition), a result column filled in more than one band row, or a
    figure that is not the total gives no grade: a guessed grade is worse than none."""
    if total is None:
        return None
    found: list[tuple[str, TableCell]] = []
    for t in tables:
        labels = [
            (grade, cells)
            for row in t.grid()
            if (cells := _row_texts(row)) and (grade := _grade_label(cells[0].text, profile))
        ]
        rows = dict(labels)
        if len(labels) != len(profile.grades) or set(rows) != set(profile.grades):
            continue  # not one row for each band
        by_col: dict[int, list[tuple[str, TableCell]]] = {}
        for grade, cells in labels:
            for c in cells[1:]:
                by_col.setdefault(c.col, []).append((grade, c))
        for held in by_col.values():
            if len(held) == 1 and _holds_figure(held[0][1].text, total.value):
                found.append((held[0][0], rows[held[0][0]][0]))
    if len(found) != 1:
        return None
    grade, label = found[0]
    return Text(value=grade, prov=label.provenance())


def _grade_label(text: str, profile: Profile) -> str | None:
    """The ladder's grade a band row's label cell names (优秀, 优秀（A）), else None."""
    text = re.sub(r"\s+", "", normalise(text))
    for g in profile.grades:
        if re.fullmatch(rf"{re.escape(g)}(?:[（(][A-EＡ-Ｅ]级?[)）])?", text):
            return g
    return None


def _holds_figure(text: str, value: float) -> bool:
    """Whether the cell prints `value` as one of its figures."""
    return any(
        abs(float(m.group()) - value) < 0.005
        for m in re.finditer(r"\d+(?:\.\d+)?", normalise(text))
    )


def _ticked_grade(boxes: Hit, profile: Profile) -> Text | None:
    """The grade after the one ticked box of a line of check boxes (评估等级：□优秀　☑良好
    □合格　□不合格 gives 良好); None when no box or more than one is ticked: which grade
    the report gives is then unsure, and no grade is better than a guessed one."""
    ticked = profile.pattern("ticked_box")
    start, end = boxes.match.span("boxes")
    marked = [
        m
        for m in profile.pattern("boxed_grade").finditer(boxes.norm.text, start, end)
        if ticked.fullmatch(m.group("box"))
    ]
    if len(marked) != 1:
        return None
    hit = Hit(boxes.block, marked[0], boxes.norm)
    return Text(value=hit.match.group("grade"), prov=hit.prov("grade"))


def _row_texts(row: list[TableCell | None]) -> list[TableCell]:
    """A row's cells with text, label first: a leading 序号 (a bare ordinal before a
    label that is not a number) is not the row's label."""
    seen: set[int] = set()
    out: list[TableCell] = []
    for c in row:
        if c is not None and id(c) not in seen and c.text.strip():
            seen.add(id(c))
            out.append(c)
    if len(out) >= 2 and _SEQ.match(out[0].text.strip()) and not _NUM.match(out[1].text.strip()):
        return out[1:]
    return out


_SEQ = re.compile(r"^\d{1,2}[.、]?$")


def _earlier_columns(t: Table) -> set[int]:
    """Columns headed as an earlier period's (上年度得分 │ 本年度得分, 上年度中期得分 │
    本期得分): scores printed for comparison, never this report's (models/vocab/scopes.yaml
    earlier_period, the words passes/tables/labels reads a previous period's column by)."""
    if not t.header_rows:
        return set()
    words = tuple(scope_vocab().earlier_period)
    grid = t.grid()
    out: set[int] = set()
    for c in range(t.n_cols):
        head = "".join(cell.text for r in range(t.header_rows) if (cell := grid[r][c]) is not None)
        if re.sub(r"\s+", "", head).startswith(words):
            out.add(c)
    return out


def _score_cell(cells: list[TableCell], weight_col: int | None = None) -> TableCell | None:
    """The score of a results row: its last plain number (a weight carries %, or stands
    in the column headed as the weight, unless the row prints no other number: a total
    row's one figure may stand under the weight's header, 总分 │ 78.60 │ 等级：良好)."""
    nums = [c for c in cells[1:] if _NUM.match(c.text.strip())]
    own = [c for c in nums if c.col != weight_col]
    return (own or nums)[-1] if nums else None


_NUM = re.compile(r"^\d+(?:\.\d+)?\s*分?$")


def _cell_number(c: TableCell, unit: str = "分") -> Number:
    t = c.text.strip().rstrip("分").strip()
    return Number(value=float(t), printed=c.text.strip(), unit=unit, prov=c.provenance())


def _score_tables(
    doc: Document, result: list[Section], profile: Profile, split: Callable[[Table], Table]
) -> list[Table]:
    """Tables that print scores: those of the results section, then any table with rows
    for two or more parties each holding a plain number (a score table placed elsewhere,
    e.g. 评估主体 | 得分（分） near the end of the body); each with its score/full-mark
    cells made two (`split`, `_pairs_split`)."""
    own = [t for sec in result for s in sec.walk() for t in s.tables]
    others = [t for t in doc.tables if t not in own]
    return [split(t) for t in own] + [t for t in map(split, others) if _party_rows(t, profile) >= 2]


def _pairs_split(t: Table, profile: Profile) -> Table:
    """`t` with a column headed 得分/满分 over cells printing both (`25.44/30`) made a
    得分 column and a 满分 column: the score before the slash, the full mark (the party's
    weight in points) after it."""
    score, full = profile.pattern("score_half"), profile.pattern("full_mark_half")
    return split_named_pairs(t, named_pair(lambda a, b: bool(score.match(a) and full.match(b))))


def _records(t: Table, profile: Profile) -> list[list[TableCell]]:
    """A score table's records, label first: its body rows, or, when the header names the
    parties (评估主体 | 监督方 | 购买方 | … | 总分 | 等级 over one row of scores), its
    columns."""
    grid = t.grid()
    head = [c for c in grid[0] if c is not None] if t.header_rows and grid else []
    if sum(1 for c in head if profile.party_of(c.text)) >= 2:
        weighted = _labelled_row(t, profile.pattern("weighted_label"))
        out: list[list[TableCell]] = []
        for c in range(t.n_cols):
            top = grid[0][c]
            party = top is not None and profile.party_of(top.text) is not None
            if party and weighted is not None and top is not None:
                # the row of weighted scores, the figures the total sums (not 得分, each
                # party's mark out of 100)
                cell = grid[weighted][c]
                out.append([top, cell] if cell is not None and cell.colspan == 1 else [top])
                continue
            column = [grid[r][c] for r in range(t.n_rows)]
            # a cell merged across the party columns (the 综合得分 under them) is no
            # one party's
            cells = [
                x
                for x in column
                if x is not None and x.text.strip() and not (party and x.colspan > 1)
            ]
            if cells:
                out.append(cells)
        return out + _merged_rows(t)
    # a cell merged down over the rows of two or more parties (the 综合得分 and the 等级
    # beside the four party rows) is no one party's: a record of its own under its
    # column's header, left out of the row it starts in
    apart = _merged_down(t, profile)
    rows = [
        [c for i, c in enumerate(cells) if i == 0 or id(c) not in apart]
        for row in t.body()
        if (cells := _row_texts(row))
    ]
    return rows + list(apart.values())


def _merged_down(t: Table, profile: Profile) -> dict[int, list[TableCell]]:
    """The body cells of a table with a row per party merged down over the rows of two
    or more parties, each (by id) with its column's header cell before it: [综合得分,
    87.82]. A cell merged over one party's rows stays that party's."""
    if not t.header_rows:
        return {}
    grid = t.grid()
    head = grid[t.header_rows - 1]
    out: dict[int, list[TableCell]] = {}
    for row in t.body():
        for c in row[1:]:
            if c is None or c.rowspan < 2 or not c.text.strip() or id(c) in out:
                continue
            spanned = {
                profile.party_of(first.text)
                for r in range(c.row, min(c.row + c.rowspan, t.n_rows))
                if (first := grid[r][0]) is not None
            } - {None}
            top = head[c.col] if c.col < len(head) else None
            if len(spanned) >= 2 and top is not None and top.text.strip():
                out[id(c)] = [top, c]
    return out


def _labelled_row(t: Table, rx: re.Pattern[str]) -> int | None:
    """The body row whose first cell the pattern matches (加权得分), if exactly one."""
    grid = t.grid()
    rows = [
        r
        for r in range(t.header_rows, t.n_rows)
        if (first := grid[r][0]) is not None and rx.search(re.sub(r"\s+", "", first.text))
    ]
    return rows[0] if len(rows) == 1 else None


def _party_columns(t: Table, profile: Profile, rx: re.Pattern[str]) -> dict[Party, TableCell]:
    """Where the header names the parties (项目 │ 购买方 │ 区民政局 │ …), each party's cell
    in the body row the pattern names by its first cell (权重): empty otherwise."""
    grid = t.grid()
    if not t.header_rows or not grid:
        return {}
    parties = {c: p for c, top in enumerate(grid[0]) if top and (p := profile.party_of(top.text))}
    row = _labelled_row(t, rx) if len(parties) >= 2 else None
    if row is None:
        return {}
    out: dict[Party, TableCell] = {}
    for c, party in parties.items():
        cell = grid[row][c]
        if cell is not None and cell.colspan == 1 and cell.text.strip():
            out.setdefault(party, cell)
    return out


def _merged_rows(t: Table) -> list[list[TableCell]]:
    """Body rows of a table with the parties as columns whose one value is merged across
    them (综合得分 │ 88.72, 等级 │ 良好): a record of their own, label first."""
    out: list[list[TableCell]] = []
    for row in t.body():
        cells = _row_texts(row)
        if len(cells) == 2 and cells[0].col == 0 and cells[1].colspan > 1:
            out.append(cells)
    return out


def _party_rows(t: Table, profile: Profile) -> int:
    weight_col = _weight_column(t, profile)
    return sum(
        1
        for cells in _records(t, profile)
        if profile.party_of(cells[0].text) and _score_cell(cells, weight_col) is not None
    )


@dataclass(slots=True)
class ScoreRow:
    """Where a party's score was read in a score table: the table, the party's record
    (label first), the cell read, the column headed as the weight, and the score."""

    table: Table
    cells: list[TableCell]
    cell: TableCell
    weight_col: int | None
    score: PartyScore


def _table_scores(
    tables: list[Table], profile: Profile, where: dict[Party, ScoreRow] | None = None
) -> dict[Party, PartyScore]:
    """Party scores printed as a results table: a row per party, its score a number
    (with, in `where`, where each was read)."""
    out: dict[Party, PartyScore] = {}
    for t in tables:
        weight_col = _weight_column(t, profile)
        earlier = _earlier_columns(t)
        for cells in _records(t, profile):
            party = profile.party_of(cells[0].text)
            score = _score_cell([c for c in cells if c.col not in earlier], weight_col)
            if party and score is not None and party not in out:
                out[party] = PartyScore(party=party, score=_cell_number(score))
                if where is not None:
                    where[party] = ScoreRow(t, cells, score, weight_col, out[party])
    return out


def _same_place(prov: Provenance | None, cell: TableCell) -> bool:
    at = cell.provenance()
    return prov is not None and prov.page == at.page and prov.bbox == at.bbox


def _weight_printed(c: TableCell) -> Fraction | None:
    """The weight a cell prints: 30, 30%, or a coefficient 0.30 (as 30)."""
    text = c.text.strip()
    m = _PCT.match(text)
    if m:
        return Fraction(m.group(1))
    v = _plain(c)
    if v is not None and 0 < v < 1:
        return v * 100
    return v


def _score_table_read(
    rows: dict[Party, ScoreRow], scoring: Scoring, profile: Profile
) -> ScoreTableRead | None:
    """The read of the score table the parties' scores were taken from (a line per
    party; the table most of them came from): each party's cell under the weight's
    header prints the party's weight (as the report states it), each score fits under
    its weight, and, every party's read there, the scores make the total. None when no
    score came from a table."""
    if not rows:
        return None
    tables: dict[int, Table] = {}
    for r in rows.values():
        tables.setdefault(id(r.table), r.table)
    main = max(tables.values(), key=lambda t: sum(r.table is t for r in rows.values()))
    mine = {p: r for p, r in rows.items() if r.table is main}
    weights = {w.party: w for w in scoring.weights} if scoring.weights_source == "report" else {}
    relations: list[Relation] = []
    for party, r in mine.items():
        w = weights.get(party)
        if w is None:
            continue
        cap = Fraction(str(w.weight))
        shown = next((c for c in r.cells if c.col == r.weight_col and c is not r.cell), None)
        printed = _weight_printed(shown) if shown is not None else None
        if shown is not None and printed is not None:
            relations.append((printed == cap, {id(shown), ("weight", party)}))
        value = _plain(r.cell)
        if value is not None:
            relations.append((value <= cap, {id(r.cell), ("weight", party)}))
    relations += _change_relations(main, mine)
    total = scoring.total
    fields = ["party_scores"]
    cells = [c for row in main.grid() for c in row if c is not None]
    if total is not None and any(_same_place(total.prov, c) for c in cells):
        fields.append("total")
    grade = scoring.grade
    if grade is not None and any(_same_place(grade.prov, c) for c in cells):
        fields.append("grade")
    read = [r.cell for p, r in mine.items()]
    if total is not None and len(mine) == len(profile.parties) and "total" in fields:
        vals = [_plain(c) for c in read]
        t = Fraction(str(total.value))
        if all(v is not None for v in vals):
            added = sum((v for v in vals if v is not None), Fraction(0))
            slack = sum((_half_step(c) for c in read), Fraction(0))
            slack += Fraction(1, 2 * 10 ** len((total.printed or "").partition(".")[2]))
            relations.append((abs(added - t) <= slack, {*map(id, read), ("total",)}))
    return _score_read([main], relations, fields)


_PCT = re.compile(r"^(\d+(?:\.\d+)?)\s*[%％]$")
# A figure printed with its sign (+1.04, -0.95, －0.74): a change, never a score.
_SIGNED = re.compile(r"^([+＋\-−－﹣])\s*(\d+(?:\.\d+)?)\s*分?$")


def _change_relations(t: Table, mine: dict[Party, ScoreRow]) -> list[Relation]:
    """A score table that prints an earlier period's scores beside this one's and their
    change (评估主体 │ 权重 │ 上年度得分 │ 本年度得分 │ 增减): on each party's line whose
    one earlier-period cell and one figure printed with its sign stand beside the score
    read, the change is the score less the earlier one (within the printed rounding).
    A line read rotated or two columns read the wrong way round break it on every line,
    a published slip of one score only on that line. An earlier cell printing no plain
    number under a signed change is a line read wrong."""
    earlier = _earlier_columns(t)
    if not earlier:
        return []
    out: list[Relation] = []
    for r in mine.values():
        if len({c.row for c in r.cells}) != 1:
            continue  # the parties as columns: no earlier column on their records
        before = [c for c in r.cells if c.col in earlier and c is not r.cell]
        signed = [c for c in r.cells if _SIGNED.match(c.text.strip()) and c not in before]
        if len(before) != 1 or len(signed) != 1:
            continue
        m = _SIGNED.match(signed[0].text.strip())
        assert m is not None
        change = Fraction(m.group(2)) * (1 if m.group(1) in "+＋" else -1)
        a, b = _plain(before[0]), _plain(r.cell)
        held = False
        if a is not None and b is not None:
            slack = _half_step(before[0]) + _half_step(r.cell) + _half_step(signed[0])
            held = abs(b - a - change) <= slack
        out.append((held, {id(before[0]), id(r.cell), id(signed[0])}))
    return out


def _table_weights(
    sections: list[Section], profile: Profile, split: Callable[[Table], Table] | None = None
) -> list[PartyWeight]:
    """Weights printed as a table: a plain number (or percent) in a column headed as the
    weight (评估主体 │ 分值 │ 得分 │ 得分率: the 分值, not the rate), else a row per party
    with its share in percent."""
    found: dict[Party, PartyWeight] = {}
    split = split or partial(_pairs_split, profile=profile)
    for sec in sections:
        for t in [split(t) for s in sec.walk() for t in s.tables]:
            weight_col = _weight_column(t, profile)
            across = _party_columns(t, profile, profile.pattern("weight_header"))
            for who, shown in across.items():
                printed = shown.text.strip()
                if (_PCT.match(printed) or _NUM.match(printed)) and who not in found:
                    found[who] = _cell_weight(who, shown)
            for row in t.body():
                cells = _row_texts(row)
                party = profile.party_of(cells[0].text) if cells else None
                # the column headed as the weight first: a rate column beside it
                # (得分率 94.5％) prints percents that are no weights
                cell = row[weight_col] if weight_col is not None and weight_col < len(row) else None
                text = cell.text.strip() if cell is not None else ""
                pct = cell if _NUM.match(text) or _PCT.match(text) else None
                if pct is None:
                    pct = next((c for c in cells[1:] if _PCT.match(c.text.strip())), None)
                if party and pct is not None and party not in found:
                    found[party] = _cell_weight(party, pct)
    complete = len(found) == len(profile.parties)
    if complete:
        found = _coefficients_as_shares(found)
    if complete and abs(sum(w.weight for w in found.values()) - 100) < 0.01:
        return [found[p] for p, _ in profile.party_items()]
    return []


def _by_party(weights: list[PartyWeight]) -> dict[Party, float]:
    return {w.party: w.weight for w in weights}


def _coefficients_as_shares(found: dict[Party, PartyWeight]) -> dict[Party, PartyWeight]:
    """Weights printed as decimal coefficients (权重系数 0.30, 0.20, 0.10, 0.40), none with
    a %, adding up to 1: each a share of 100 (30, 20, 10, 40); other weights as found."""
    printed = [w.prov.text.strip() if w.prov is not None else "" for w in found.values()]
    if any("%" in t or "％" in t for t in printed):
        return found
    if not all(0 < w.weight < 1 for w in found.values()):
        return found
    if abs(sum(w.weight for w in found.values()) - 1) >= 0.0001:
        return found
    return {p: w.model_copy(update={"weight": round(w.weight * 100, 4)}) for p, w in found.items()}


def _cell_weight(party: Party, cell: TableCell) -> PartyWeight:
    """A party's weight from the cell printing it (30, 30%, 30％): its leading number."""
    value = re.match(r"\d+(?:\.\d+)?", cell.text.strip())
    assert value is not None
    return PartyWeight(party=party, weight=float(value.group(0)), prov=cell.provenance())


def _weight_column(t: Table, profile: Profile) -> int | None:
    """The column a score table heads as the parties' weights (分值, 权重), if any."""
    grid = t.grid()
    if not t.header_rows or not grid:
        return None
    rx = profile.pattern("weight_header")
    for c, cell in enumerate(grid[t.header_rows - 1]):
        if cell is not None and rx.search(re.sub(r"\s+", "", cell.text)):
            return c
    return None


def _table_total(tables: list[Table], profile: Profile) -> Number | None:
    total_rx = profile.pattern("total_label")
    for t in tables:
        weight_col = _weight_column(t, profile)
        for cells in _records(t, profile):
            if total_rx.search(re.sub(r"\s+", "", cells[0].text)):
                score = _score_cell(cells, weight_col)
                if score is not None:
                    return _cell_number(score)
    return None
