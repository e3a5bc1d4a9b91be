"""Praise and concern items of every evaluating party, with the section they sit in.

Each party's section (matched by canonical id) is walked for praise/concern headings or
labels; under each, a numbered paragraph starts an item, an unnumbered paragraph
continues the previous one (or is the single item of a bare-paragraph section), and a
sentence saying no concerns were raised gives zero items. A label over a small table of
its items (序号 │ 内容) and nothing else has one item a row (`_row_items`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from extractor.document.blocks import find_marker, item_mark
from extractor.document.model import Block, Document, Section, Table, TableCell
from extractor.knowledge import Profile, section_vocab
from extractor.nlp.figures import figures_of
from extractor.nlp.themes import themes_of
from extractor.numbers import chinese_numeral
from extractor.passes.narrative import section_area
from extractor.passes.tables.values import is_figure
from extractor.records import AssessmentItem, AssessmentSection, Party, Polarity, Provenance

_ORDINAL = re.compile(r"\d+|[一二三四五六七八九十]+")


def polarity_of(sec: Section) -> Polarity | None:
    if sec.canonical in section_vocab().labels:
        return sec.canonical  # type: ignore[return-value]
    return None


def headline(text: str) -> str:
    """First sentence if short, else the first clause."""
    sent = re.split(r"(?<=[。！？])", text, maxsplit=1)[0]
    if len(sent) < 60:
        return sent.strip()
    return re.split(r"[，；,;]", text, maxsplit=1)[0].strip()


@lru_cache(maxsize=1)
def _item_styles() -> dict[str, str]:
    """The numbering styles that open an item (models/sections.yaml `item: true`), each
    with its `sequence` (empty where its characters carry their own number)."""
    return {m.type: m.sequence for m in section_vocab().markers if m.item}


def opens_item(block: Block) -> bool:
    return bool(block.marker) and block.marker_type in _item_styles()


def _ordinal(marker: str | None, style: str | None = None) -> int | None:
    if not marker:
        return None
    sequence = _item_styles().get(style or "", "")
    if sequence:
        # 乙、 → 2, b) → 2: the first character of the style's sequence in the marker
        at = (sequence.find(ch) for ch in marker.lower())
        return next((i + 1 for i in at if i >= 0), None)
    m = _ORDINAL.search(marker)
    if not m:
        # ① → 1, ⑴ → 1, ⑩ → 10 (no digit value past nine: its numeric value)
        circled = [unicodedata.numeric(ch, None) for ch in marker.strip()]
        return next((int(d) for d in circled if d is not None), None)
    s = m.group(0)
    return int(s) if s.isdigit() else chinese_numeral(s)


def _items(sec: Section) -> list[tuple[int | None, list[Block]]]:
    """Group the section's blocks (and any stray numbered sub-headings) into items."""
    flow: list[Block] = []
    for item in sec.items:
        if isinstance(item, Block):
            flow.append(item)
    # A short numbered item can look like a heading ("1.党建组织能力亟待加强"): take
    # numbered child headings with their blocks as items too.
    for child in sec.children:
        if child.heading is not None and polarity_of(child) is None:
            flow.append(child.heading)
            flow.extend(child.blocks)
    details = _detail_lines(flow)
    flow = [b for b in flow if id(b) not in details]
    groups: list[tuple[int | None, list[Block]]] = []
    numbered = any(opens_item(b) for b in flow)
    if not numbered:
        # Bare paragraphs, none numbered: each paragraph is one item, unless a run of
        # ordinal words (首先，/其次，/最后，) opens them.
        return _opened_items(flow) or [(None, [b]) for b in flow]
    for b in flow:
        if opens_item(b):
            groups.append((_ordinal(b.marker, b.marker_type), [b]))
        elif groups:
            groups[-1][1].append(b)
        else:
            groups.append((None, [b]))
    return groups


def _detail_lines(flow: list[Block]) -> set[int]:
    """Lines one level down a bulleted list (Word's second list level: ■ items, each with
    ○ lines under it set in further): a bullet line whose glyph is not the first bullet
    item's, its first line indented past that item's by most of a character. Such a line
    details the item above; it is no item, and not part of the item's text."""
    bullets = [b for b in flow if b.marker_type == "bullet" and b.marker and b.lines]
    if len(bullets) < 2:
        return set()
    top = bullets[0]
    glyph, left = (top.marker or "").strip(), top.lines[0].bbox[0]
    size = top.lines[0].size or top.lines[0].bbox[3] - top.lines[0].bbox[1]
    return {
        id(b)
        for b in bullets[1:]
        if (b.marker or "").strip() != glyph and b.lines[0].bbox[0] - left >= 0.8 * size
    }


@lru_cache(maxsize=1)
def _openers() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """One pattern for every ordinal word of `item_openers` (longest first) with the
    punctuation after it; the `first` and `last` words apart."""
    o = section_vocab().item_openers
    words = sorted({*o.first, *o.then, *o.last}, key=len, reverse=True)
    if not words:
        return re.compile("(?!)"), frozenset(), frozenset()
    alts = "|".join(map(re.escape, words))
    rx = re.compile(rf"\s*(?P<word>{alts})\s*(?:{o.after})\s*(?=\S)")
    return rx, frozenset(o.first), frozenset(o.last)


def opener(text: str) -> str | None:
    """The ordinal word and its punctuation opening `text` ("首先，"), or None."""
    m = _openers()[0].match(text)
    return m.group(0) if m else None


def _opened_items(flow: list[Block]) -> list[tuple[int | None, list[Block]]]:
    """Bare paragraphs as items opened by ordinal words: the first paragraph opens with
    a `first` word, at least two open with one, and a `last` word opens only the run's
    last; a paragraph with none continues the item above. Empty when they do not."""
    rx, first, last = _openers()
    words = [(m.group("word") if (m := rx.match(b.text)) else None) for b in flow]
    opened = [w for w in words if w is not None]
    if len(opened) < 2 or words[0] not in first or any(w in last for w in opened[:-1]):
        return []
    groups: list[tuple[int | None, list[Block]]] = []
    for b, w in zip(flow, words, strict=True):
        if w is not None:
            groups.append((len(groups) + 1, [b]))
        else:
            groups[-1][1].append(b)
    return groups


def extract_assessments(
    doc: Document, profile: Profile
) -> tuple[list[AssessmentSection], list[AssessmentItem]]:
    sections: list[AssessmentSection] = []
    items: list[AssessmentItem] = []
    none_rx = re.compile(profile.none_stated)
    tops = [(pid, top) for pid, p in profile.party_items() for top in doc.outermost(p.section)]
    tops += _named_tops(doc, profile, tops)
    tops.sort(key=lambda pt: _order(doc, pt[1]))
    # one table of every party's opinions, a row each, outside any party's section
    matrices = _matrix_tables(doc, profile, tops)
    own: set[int] | None = None
    if not tops and not matrices and profile.own_party is not None:
        # No party section: the evaluator's own report, its labels its own.
        tops = [(profile.own_party, doc.root)]
        own = _own_sections(doc.root)
    for sec, parts, head in matrices:
        _matrix_items(sec, parts, head, profile, none_rx, sections, items)
    # items run in after a label with only ；between them (优点：a；b。): a report that
    # lists them so also lists a lone item so (不足：a。 is a list of one, its stop dropped)
    clause_lists = False
    lone: list[tuple[int, AssessmentItem]] = []
    for party, top in tops:
        advice = _advice_apart(top)
        chapter = _kind_chapter(top)
        for sec in top.walk():
            read_before = len(sections)
            for table in sec.tables:
                _table_items(table, party, sec, none_rx, sections, items)
            tabled = len(sections) > read_before
            pol = polarity_of(sec)
            if sec is top and chapter is not None:
                pol = polarity_of(chapter)
            if pol is None and sec.heading is not None and own is None:
                got = _tagged(party, sec) or _marked(party, sec, none_rx)
                if got is not None:
                    sections += got[0]
                    items += got[1]
                    continue
            if pol is None or sec.heading is None or id(sec) in advice:
                continue
            if own is not None and id(sec) not in own:
                continue
            area = _area_of(sec)
            path = list(sec.path)
            groups = _items(sec)
            # or the label over a small table of its items, one a row (序号 │ 内容)
            rows = [] if groups or tabled else _row_items(sec.tables)
            # an inline label's own words ("不足：无。") are not what it says
            text_all = "".join(
                (b.body if b.marker_type == "inline_label" else b.text)
                for _, bl in groups
                for b in bl
            )
            none = not rows and bool(none_rx.search(text_all)) and len(groups) <= 1
            if none:
                groups = []
            sections.append(
                AssessmentSection(
                    party=party,
                    section_path=path,
                    area=area,
                    polarity=pol,
                    heading=chapter.title if sec is top and chapter is not None else _heading(sec),
                    item_count=len(rows) or len(groups),
                    none_stated=none,
                    prov=sec.heading.provenance(),
                )
            )
            if rows:
                items += [_item(party, path, area, pol, o, x, c.provenance()) for o, x, c in rows]
                continue
            if groups and groups[0][0] is None:
                flow = [b for _, bl in groups for b in bl]
                clauses: list[tuple[int | None, str, Provenance]] = [*_run_in_items(flow)]
                listed = [] if clauses else _clause_items(flow)
                if len(listed) >= 2:
                    clauses, clause_lists = listed, True
                elif listed:
                    # one clause: a list of one if the report lists its items so elsewhere
                    _, body, p = listed[0]
                    lone.append((len(items), _item(party, path, area, pol, None, body, p)))
                if clauses:
                    sections[-1].item_count = len(clauses)
                    items += [_item(party, path, area, pol, o, body, p) for o, body, p in clauses]
                    continue
            for ordinal, blocks in groups:
                first = blocks[0]
                body = "".join(
                    (b.body if i == 0 and b.marker else b.text).strip()
                    for i, b in enumerate(blocks)
                )
                if ordinal is not None and not first.marker and (word := opener(body)):
                    body = body[len(word) :]
                prov = first.provenance()
                items.append(_item(party, path, area, pol, ordinal, body, prov, numbers_in(blocks)))
    if clause_lists:
        for i, item in lone:
            items[i] = item
    return sections, items


@lru_cache(maxsize=1)
def _tag_rx() -> re.Pattern[str]:
    return re.compile(section_vocab().item_tag)


def _tagged(
    party: Party, sec: Section
) -> tuple[list[AssessmentSection], list[AssessmentItem]] | None:
    """A party's one list mixing praise and concern (评估意见 › each item a bullet, then
    【优点】 or 【不足】 and its text; a paragraph without a bullet runs the item above on):
    one section per polarity, opened where its first item stands, its heading the tag
    word; every item in the section its tag names, its text without the bullet and the
    tag. None unless the section has items of its own and every one opens with a tag
    whose word is a praise or concern label."""
    groups = _items(sec)
    if not groups or not all(blocks[0].marker_type == "bullet" for _, blocks in groups):
        return None
    tagged: list[tuple[Polarity, str, str, list[Block]]] = []
    for _, blocks in groups:
        first = blocks[0]
        body = first.body if first.marker else first.text
        m = _tag_rx().match(body)
        pol = label_polarity(m.group("tag")) if m else None
        if m is None or pol is None:
            return None
        text = body[m.end() :].strip() + "".join(b.text.strip() for b in blocks[1:])
        tagged.append((pol, m.group("tag"), text, blocks))
    area = _area_of(sec)
    path = list(sec.path)
    sections: dict[Polarity, AssessmentSection] = {}
    items: list[AssessmentItem] = []
    for pol, tag, text, blocks in tagged:
        if pol not in sections:
            sections[pol] = _opened(party, path, area, pol, tag, blocks[0])
        sections[pol].item_count += 1
        prov = blocks[0].provenance()
        items.append(_item(party, path, area, pol, None, text, prov, numbers_in(blocks)))
    return list(sections.values()), items


def _opened(
    party: Party, path: list[str], area: str | None, pol: Polarity, heading: str, first: Block
) -> AssessmentSection:
    """A section of items opened by its first item's block, before its items are
    counted (the tagged and the run-in-marked readings open theirs alike)."""
    return AssessmentSection(
        party=party,
        section_path=path,
        area=area,
        polarity=pol,
        heading=heading,
        item_count=0,
        none_stated=False,
        prov=first.provenance(),
    )


def _marked(
    party: Party, sec: Section, none_rx: re.Pattern[str]
) -> tuple[list[AssessmentSection], list[AssessmentItem]] | None:
    """A party's items each opened by a run-in mark naming its kind and number, with no
    praise/concern heading over them ("亮点一：…" "亮点二：…" "问题一：…"; "问题：无。"
    for none; `item_marks` in models/sections.yaml): one section per kind, opened where
    its first mark stands, its heading the kind's word; each item its mark's number, its
    text after the mark. Paragraphs before the first mark (the party's score, "主要意见如
    下：") are no item; an unmarked paragraph after an item that has not ended its
    sentence runs it on, and after one that has ends the list. None unless the section's
    own paragraphs open at least one item with a numbered mark and no section under it
    is a praise/concern label of its own."""
    if any(polarity_of(child) is not None for child in sec.walk() if child is not sec):
        return None
    flow = [b for b in sec.items if isinstance(b, Block)]
    marks = [item_mark(b.text) for b in flow]
    if not any(mk is not None and mk.ordinal for mk in marks):
        return None
    start = next(i for i, mk in enumerate(marks) if mk is not None)
    groups: list[tuple[str, str, str | None, list[Block]]] = []
    for b, mk in zip(flow[start:], marks[start:], strict=True):
        if mk is not None:
            word = mk.mark.strip().rstrip("：:").strip()
            if mk.ordinal:
                word = word[: word.rfind(mk.ordinal)].strip()
            groups.append((mk.polarity, word, mk.ordinal, [b]))
        elif groups[-1][3][-1].text.rstrip()[-1:] not in "。！？":
            groups[-1][3].append(b)
        else:
            break
    area = _area_of(sec)
    path = list(sec.path)
    sections: dict[str, AssessmentSection] = {}
    items: list[AssessmentItem] = []
    for pol, word, ordinal, blocks in groups:
        polarity: Polarity = "praise" if pol == "praise" else "concern"
        mark = item_mark(blocks[0].text)
        assert mark is not None
        text = (blocks[0].text.strip()[len(mark.mark.strip()) :].strip()) + "".join(
            b.text.strip() for b in blocks[1:]
        )
        if pol not in sections:
            sections[pol] = _opened(party, path, area, polarity, word, blocks[0])
        if ordinal is None and none_rx.search(text) and sections[pol].item_count == 0:
            sections[pol].none_stated = True
            continue
        sections[pol].item_count += 1
        number = None if not ordinal else int(ordinal) if ordinal.isdigit() else None
        if ordinal and number is None:
            number = chinese_numeral(ordinal)
        prov = blocks[0].provenance()
        items.append(_item(party, path, area, polarity, number, text, prov, numbers_in(blocks)))
    return list(sections.values()), items


def _named_tops(
    doc: Document, profile: Profile, tops: list[tuple[Party, Section]]
) -> list[tuple[Party, Section]]:
    """Sections headed by an organisation the report gave a party's role ("（三）澜州市
    社会工作协会评估意见" after "澜州市社会工作协会（督导方）"), outermost, outside the
    sections already found by their wording."""
    if not profile.named:
        return []
    taken = {id(s) for _, top in tops for s in top.walk()}
    max_chars = section_vocab().heading.max_chars

    def party(sec: Section) -> Party | None:
        if id(sec) in taken or sec.heading is None or len(sec.title) > max_chars:
            return None
        return profile.named_party_of(sec.title)

    out: list[tuple[Party, Section]] = []
    for sec in doc.outermost_where(lambda sec: party(sec) is not None):
        named = party(sec)
        assert named is not None
        out.append((named, sec))
    return out


def _kind_chapter(top: Section) -> Section | None:
    """The praise or concern chapter directly over a party's section with no kind of its
    own, when the opinions are ordered by kind first (四、值得肯定的地方 › （一）购买方… 1.
    …, then 五、需要关注的地方 › （一）购买方… again): the party's items there are of the
    chapter's kind. None where the party's section or any section in it is labelled
    (the party's own praise/concern labels tell), or the section above it is no label."""
    if any(polarity_of(s) is not None for s in top.walk()):
        return None
    parent = top.parent
    if parent is None or parent.heading is None or polarity_of(parent) is None:
        return None
    return parent


def _heading(sec: Section) -> str:
    """The section's heading as printed; for a label run in before its items ("主要成效：
    一是……"), the label alone, not the paragraph it opens."""
    assert sec.heading is not None
    if sec.heading.marker_type == "inline_label":
        return sec.title
    return sec.heading.text.strip()


def _suggests(sec: Section) -> bool:
    """A concern label that only suggests (建议, 改进建议)."""
    suggestions = section_vocab().suggestions
    return polarity_of(sec) == "concern" and re.sub(r"[\s：:]+", "", sec.title) in suggestions


def _advice_apart(top: Section) -> set[int]:
    """Suggestion sections (ids) printed beside a concern section of their own under one
    heading (优点：… 不足：… 建议：…): the suggestions are neither praise nor concern.
    A suggestion label that is the only concern label there (优点 / 改进建议) stays the
    concern section."""
    out: set[int] = set()
    for sec in top.walk():
        labelled = [c for c in sec.children if polarity_of(c) == "concern"]
        if any(not _suggests(c) for c in labelled):
            out |= {id(c) for c in labelled if _suggests(c)}
    return out


def _own_sections(root: Section) -> set[int]:
    """The praise and concern sections of an evaluator's own report (ids): a section
    whose items all sit under praise or concern labels of its own (四、存在问题 ›
    存在的问题：…) is their container, not a section of none; and where the concerns have
    a label of their own, a label that only suggests (五、建议 › 改进建议) is neither."""
    found: list[Section] = []
    for sec in root.walk():
        if polarity_of(sec) is None or sec.heading is None:
            continue
        own_items = any(isinstance(x, Block) for x in sec.items)
        labelled = any(polarity_of(c) is not None for c in sec.children)
        if labelled and not own_items:
            continue
        found.append(sec)
    suggestions = set(section_vocab().suggestions)

    def suggests(sec: Section) -> bool:
        return polarity_of(sec) == "concern" and re.sub(r"\s+", "", sec.title) in suggestions

    if any(polarity_of(s) == "concern" and not suggests(s) for s in found):
        found = [s for s in found if not suggests(s)]
    return {id(s) for s in found}


# A run-in item number after a label, a sentence or a clause: 一是 … ；二是 … 。, or
# （1）…；（2）…。 (each style on its own: a paragraph's items are numbered one way).
_RUN_IN = (
    re.compile(r"(?:^|(?<=[。；;：:]))\s*([一二三四五六七八九十]{1,3})是(?=[^，,。的否])"),
    re.compile(r"(?:^|(?<=[。；;：:]))\s*[（(]\s*(\d{1,2})\s*[）)]"),
)


def _run_in_items(blocks: list[Block]) -> list[tuple[int, str, Provenance]]:
    """A paragraph listing its items run in, 一是……；二是……；三是……。 or （1）……；（2）……。:
    each clause an item (its number, its text without the marker and the closing ；/。),
    when the paragraph opens with 一是 or （1） (after its label) and the numbers run 1, 2,
    3 … in order (a lone （1） item too, and a lone 一是 right after a label).
    The paragraph may come as several blocks: a wrapped line that happens to open with
    二是 starts a block of its own, which goes on with the same running list."""
    if not blocks:
        return []
    first = blocks[0]
    lead = len(first.marker) if first.marker and first.marker_type != "cn_is" else 0
    starts: list[int] = []
    text = ""
    for b in blocks:
        starts.append(len(text))
        text += b.text
    for k, rx in enumerate(_RUN_IN):
        # (start, end, number's start, number) of each mark; the first may stand right
        # after the label whatever ends it (优点：一是 / 成效方面，一是)
        marks = [
            (m.start() + lead, m.end() + lead, m.start(1) + lead, m.group(1))
            for m in rx.finditer(text[lead:])
        ]
        # one （1） item alone is numbered too, and one 一是 right after its label
        # (不足：（1）……。 / 不足方面，一是……。)
        alone = 1 if k or first.marker_type == "inline_label" else 2
        if len(marks) < alone or text[lead : marks[0][0]].strip():
            continue
        ordinals = [_number(m[3]) for m in marks]
        if ordinals == list(range(1, len(marks) + 1)):
            break
    else:
        return []
    out: list[tuple[int, str, Provenance]] = []
    for i, (_, m_end, num_at, _) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        s0, e0 = m_end, end
        while e0 > s0 and text[e0 - 1] in "；;。 \n":
            e0 -= 1
        k = bisect_right(starts, num_at) - 1
        b, off = blocks[k], starts[k]
        prov = b.provenance(num_at - off, min(e0 - off, len(b.text)))
        out.append((ordinals[i], text[s0:e0].strip(), prov))
    return out


def _clause_items(blocks: list[Block]) -> list[tuple[int | None, str, Provenance]]:
    """A label's one paragraph listing its items run in with no number ("优点：a；b；c。"):
    each clause between the separators an item (no ordinal), its text without the
    closing separator or stop. Only where the label opens the paragraph, the paragraph
    is the whole section and no stop stands inside it (see `clause_items` in
    models/sections.yaml); else nothing. One clause comes back alone: the caller takes
    it as a list of one only where the report lists its items so elsewhere."""
    if len(blocks) != 1 or blocks[0].marker_type != "inline_label":
        return []
    rules = section_vocab().clause_items
    b = blocks[0]
    lead = len(b.marker or "")
    if not lead:
        return []
    body = b.text[lead:].rstrip()
    while body and body[-1] in rules.sentence_end + rules.separators:
        body = body[:-1]
    if any(ch in rules.sentence_end for ch in body):
        return []
    cuts = [i for i, ch in enumerate(body) if ch in rules.separators]
    out: list[tuple[int | None, str, Provenance]] = []
    start = 0
    for end in [*cuts, len(body)]:
        clause = body[start:end]
        s0 = start + len(clause) - len(clause.lstrip())
        e0 = start + len(clause.rstrip())
        if s0 >= e0:
            return []  # an empty clause (；；): not a list of items
        out.append((None, body[s0:e0], b.provenance(lead + s0, lead + e0)))
        start = end + 1
    return out


def _number(s: str) -> int:
    return int(s) if s.isdigit() else chinese_numeral(s)


# An item's number where a cell's text starts or a sentence ends: 1. 2、 （3） ④
_CELL_ITEM = re.compile(
    r"(?:^|(?<=[。！？；;]))\s*(\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[\u2460-\u2473])"
)


def label_polarity(text: str) -> Polarity | None:
    """The polarity a praise/concern label names, the whole text being the label (spaces
    and a closing colon aside)."""
    t = re.sub(r"\s+", "", text).rstrip("：:")
    for pol, words in section_vocab().labels.items():
        if t in words:
            return pol  # type: ignore[return-value]
    return None


def _table_items(
    t: Table,
    party: Party,
    sec: Section,
    none_rx: re.Pattern[str],
    sections: list[AssessmentSection],
    items: list[AssessmentItem],
) -> None:
    """Praise and concern given side by side in a table (值得肯定的地方 │ 需要关注的地方):
    every filled cell of its first row is a label, each column below holds that
    section's items, numbered (1. 2. …) or one per cell."""
    grid = t.grid()
    if len(grid) < 2:
        return
    if (remedy := _remedy_head(grid[0])) is not None:
        # concerns with their remedies beside them: a label's rows where it stands under
        # one (`_row_items`), else a concern section of its own, headed by its column
        if polarity_of(sec) is None:
            _remedy_section(t, grid[0][remedy[0]], party, sec, none_rx, sections, items)
        return
    head = [(c, cell) for c, cell in enumerate(grid[0]) if cell is not None and cell.text.strip()]
    pols = [label_polarity(cell.text) for _, cell in head]
    if not head or any(p is None for p in pols):
        _label_column_items(t, party, sec, none_rx, sections, items)
        return
    area = _area_of(sec)
    path = list(sec.path)
    for (col, label), pol in zip(head, pols, strict=True):
        assert pol is not None
        cells: list[TableCell] = []
        for row in grid[1:]:
            cell = row[col] if col < len(row) else None
            if cell is not None and cell.text.strip() and cell not in cells:
                cells.append(cell)
        texts: list[tuple[int | None, str, TableCell]] = []
        for cell in cells:
            text = cell.text.strip()
            marks = list(_CELL_ITEM.finditer(text))
            if not marks:
                texts.append((None, text, cell))
                continue
            for i, m in enumerate(marks):
                end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
                texts.append((_ordinal(m.group(1)), text[m.end() : end].strip(), cell))
        none = len(texts) <= 1 and any(none_rx.search(x) for _, x, _ in texts)
        if none:
            texts = []
        section_path = [*path, re.sub(r"\s+", "", label.text)]
        heading = label.text.strip()
        _add_table_section(
            sections, items, party, section_path, area, pol, heading, label, texts, none
        )


def _remedy_section(
    t: Table,
    label: TableCell | None,
    party: Party,
    sec: Section,
    none_rx: re.Pattern[str],
    sections: list[AssessmentSection],
    items: list[AssessmentItem],
) -> None:
    """A table of concerns with their remedies beside them standing under no praise or
    concern label: one concern section, headed by its items column's header (存在问题),
    an item a row; a lone row saying there are none gives none."""
    if label is None:
        return
    rows = _row_items([t])
    if not rows:
        return
    none = len(rows) == 1 and bool(none_rx.search(rows[0][1]))
    heading = re.sub(r"\s+", "", label.text)
    bodies = [] if none else rows
    path = list(sec.path)
    _add_table_section(
        sections, items, party, path, _area_of(sec), "concern", heading, label, bodies, none
    )


def _row_items(tables: list[Table]) -> list[tuple[int | None, str, TableCell]]:
    """The items of a praise/concern label printed over a small table of them, one a row
    (序号 │ 内容, the 序号 the item's ordinal; continued on the next page without its
    header, joined by the document): the column of the longest texts holds the items,
    a column of bare numbers their ordinals; a row with no number where the others
    have one continues the item above (a row broken over a page). Only a table of two
    or three columns whose item cells are words, not figures, is read so; none else.
    A table of concerns with their remedies beside them (序号 │ 存在问题 │ 整改建议 │
    完成时限, `_remedy_head`) has its items in the column its header names, the columns
    beside it no items; a table starting the next page with its columns and no header
    of its own is its rest (a page break the document did not join)."""
    out: list[tuple[int | None, str, TableCell]] = []
    remedy: tuple[int, set[int], Table] | None = None  # the remedy table above, its columns
    for t in tables:
        grid = t.grid()
        body = grid[t.header_rows :]
        head = next(
            (
                (k, got)
                for k, row in enumerate(grid[: max(1, t.header_rows)])
                if (got := _remedy_head(row)) is not None
            ),
            None,
        )
        beside: set[int] = set()
        if head is not None:
            k, (content, beside) = head
            body = grid[k + 1 :]
            remedy = (content, beside, t)
        elif remedy is not None and _continues(remedy[2], t):
            content, beside, _ = remedy
            remedy = (content, beside, t)
            body = grid  # its rest on the next page, the header not repeated
        else:
            remedy = None
            if not body or not 2 <= t.n_cols <= 3:
                return []
            content = max(range(t.n_cols), key=lambda c: sum(len(x) for x in _texts(body, c)))
        others = [c for c in range(t.n_cols) if c != content and c not in beside]
        while (
            head is None
            and body
            and any(
                (x := body[0][c]) is not None and x.text.strip() and not x.text.strip().isdigit()
                for c in others
            )
        ):
            body = body[1:]  # a header the document did not take for one (序号 │ 内容)
        cells = [x for x in _texts(body, content) if x]
        if not cells or any(is_figure(x) for x in cells):
            return []
        numbered = [
            c
            for c in others
            if any(_texts(body, c)) and all(x.isdigit() for x in _texts(body, c) if x)
        ]
        if len(numbered) != len(others):
            return []  # a column neither the items nor their numbers: another kind of table
        ordinal_col = numbered[0] if numbered else None
        for row in body:
            cell = row[content]
            if cell is None or not cell.text.strip():
                continue
            num = row[ordinal_col] if ordinal_col is not None else None
            ordinal = int(num.text.strip()) if num is not None and num.text.strip() else None
            text = cell.text.strip()
            if ordinal is None and ordinal_col is not None and out:
                o, before, at = out[-1]
                out[-1] = (o, before + text, at)
                continue
            out.append((ordinal, text, cell))
    return out


def _texts(rows: list[list[TableCell | None]], c: int) -> list[str]:
    """Column c's texts in `rows`, spaces removed ("" where no cell)."""
    return [re.sub(r"\s+", "", x.text) if (x := row[c]) is not None else "" for row in rows]


@lru_cache(maxsize=1)
def _remedy_words() -> tuple[frozenset[str], frozenset[str]]:
    r = section_vocab().remedy_table
    return frozenset(r.items), frozenset(r.beside)


def _remedy_head(row: list[TableCell | None]) -> tuple[int, set[int]] | None:
    """A header row of a table of concerns with their remedies beside them (序号 │ 存在问题
    │ 整改建议 │ 完成时限, models/sections.yaml `remedy_table`): the column it heads with
    an items word and the columns it heads with a word of what is beside them; None
    unless it names one items column and at least one beside it."""
    items_w, beside_w = _remedy_words()
    found: list[int] = []
    beside: set[int] = set()
    for c, cell in enumerate(row):
        if cell is None or cell.col != c:
            continue  # a cell merged over from the left
        word = re.sub(r"\s+", "", cell.text)
        if word in items_w:
            found.append(c)
        elif word in beside_w:
            beside.add(c)
    if len(found) != 1 or not beside:
        return None
    return found[0], beside


def _label_column_items(
    t: Table,
    party: Party,
    sec: Section,
    none_rx: re.Pattern[str],
    sections: list[AssessmentSection],
    items: list[AssessmentItem],
) -> None:
    """Praise and concern as rows of one table (序号 │ 类别 │ 具体内容): a column whose
    body cells are all praise/concern labels (merged down over their items) names each
    row's section, the column of the longest texts holds the items, a column of bare
    numbers their printed ordinals (restarting per label). Each label cell is one
    section, headed by the label as printed."""
    grid = t.grid()
    body = grid[max(1, t.header_rows) :]
    first = grid[0] if grid else []
    if first and first[0] is not None and label_polarity(first[0].text) is not None:
        # No header: the first row is a label and its items (值得肯定的地方 │ items over
        # 需要关注的地方 │ items), taken for a header by the table reader.
        body = grid
    if not body:
        return
    n = min(len(row) for row in body)

    def texts(c: int) -> list[str]:
        return [re.sub(r"\s+", "", x.text) if (x := row[c]) is not None else "" for row in body]

    label_col = next(
        (
            c
            for c in range(n)
            if any(texts(c)) and all(label_polarity(x) is not None for x in texts(c) if x)
        ),
        None,
    )
    if label_col is None:
        return
    others = [c for c in range(n) if c != label_col]
    if not others:
        return
    content = max(others, key=lambda c: sum(len(x) for x in texts(c)))
    numbered = [
        c
        for c in others
        if c != content and all(x.isdigit() for x in texts(c) if x) and any(texts(c))
    ]
    ordinal_col = numbered[0] if numbered else None
    area = _area_of(sec)
    path = list(sec.path)
    groups: list[tuple[TableCell, list[tuple[int | None, TableCell]]]] = []
    for row in body:
        label = row[label_col]
        if label is not None and label.text.strip():
            if not groups or groups[-1][0] is not label:
                groups.append((label, []))
        cell = row[content]
        if not groups or cell is None or not cell.text.strip():
            continue
        if any(cell is seen for _, seen in groups[-1][1]):
            continue  # one cell merged over several rows is one item
        num = row[ordinal_col] if ordinal_col is not None else None
        ordinal = int(num.text.strip()) if num is not None and num.text.strip().isdigit() else None
        groups[-1][1].append((ordinal, cell))
    for label, found in groups:
        pol = label_polarity(label.text)
        assert pol is not None
        bodies = [
            (o if len(parts) == 1 else None, text, c)
            for o, c in found
            for parts in [_line_items(c)]
            for text in parts
        ]
        none = len(bodies) <= 1 and any(none_rx.search(x) for _, x, _ in bodies)
        if none:
            bodies = []
        heading = re.sub(r"\s+", "", label.text)
        _add_table_section(sections, items, party, path, area, pol, heading, label, bodies, none)


def _line_items(cell: TableCell) -> list[str]:
    """A cell's items: one a line when every line but the last stops short of the cell's
    right edge (unnumbered items one a line: "…积分制度" / "小组服务…"); else the
    cell's text as one item, its lines wrapped."""
    text = cell.text.strip()
    if len(cell.lines) < 2:
        return [text]
    right = cell.bbox[2]
    short = [
        right - box[2] > 2 * (box[3] - box[1]) for line, box in cell.lines[:-1] if line.strip()
    ]
    if not short or not all(short):
        return [text]
    return [line.strip() for line, _ in cell.lines if line.strip()]


def _add_table_section(
    sections: list[AssessmentSection],
    items: list[AssessmentItem],
    party: Party,
    path: list[str],
    area: str | None,
    pol: Polarity,
    heading: str,
    label: TableCell,
    bodies: list[tuple[int | None, str, TableCell]],
    none: bool,
) -> None:
    """One praise/concern section read from a table: its label cell and its items' cells
    (both table readers above end here)."""
    sections.append(
        AssessmentSection(
            party=party,
            section_path=path,
            area=area,
            polarity=pol,
            heading=heading,
            item_count=len(bodies),
            none_stated=none,
            prov=label.provenance(),
        )
    )
    items += [_item(party, path, area, pol, o, text, cell.provenance()) for o, text, cell in bodies]


def _item(
    party: Party,
    path: list[str],
    area: str | None,
    pol: Polarity,
    ordinal: int | None,
    text: str,
    prov: Provenance,
    numbers: list[float] | None = None,
) -> AssessmentItem:
    """An item; its figures, unless given (read from its blocks), are read from its text
    (dates and ordinals are not figures)."""
    if numbers is None:
        numbers = [f.value for f in figures_of(text) if f.kind not in ("date", "ordinal")]
    return AssessmentItem(
        party=party,
        section_path=path,
        area=area,
        polarity=pol,
        ordinal=ordinal,
        headline=headline(text),
        text=text,
        themes=themes_of(text),
        numbers=numbers,
        prov=prov,
    )


def numbers_in(blocks: list[Block]) -> list[float]:
    """The figures an item states (counts, percentages, money, bare numbers), in base
    units; dates and ordinals ("第 6 年") are not figures, nor is the item's own number."""
    out: list[float] = []
    for i, b in enumerate(blocks):
        skip = len(b.marker) if i == 0 and b.marker else 0
        out += [
            f.value
            for f in figures_of(b.text)
            if f.start >= skip and f.kind not in ("date", "ordinal")
        ]
    return out


def _order(doc: Document, sec: Section) -> int:
    """A section's place in reading order (the parties are reported in print order)."""
    for i, s in enumerate(doc.sections()):
        if s is sec:
            return i
    return 0


def _area_of(sec: Section) -> str | None:
    """The 片区 the nearest heading over `sec` (its own first) names, if any."""
    return next((a for s in _lineage(sec) if (a := section_area(s.title))), None)


def _lineage(sec: Section) -> list[Section]:
    out: list[Section] = []
    s: Section | None = sec
    while s is not None and s.parent is not None:
        out.append(s)
        s = s.parent
    return out


def _line_item(text: str) -> tuple[str, str] | None:
    """The marker and style opening a line of a cell with an item's number (① 1. 1、
    （1） ⑴ a) …: a style of models/sections.yaml marked `item`), or None."""
    got = find_marker(text.lstrip())
    return got if got is not None and got[1] in _item_styles() else None


MatrixHead = list[tuple[int, TableCell, Polarity]]


def _matrix_head(t: Table, profile: Profile) -> MatrixHead | None:
    """The praise/concern columns of a table giving every party's opinions as its rows
    (评估主体 │ 值得肯定的地方 │ 需要关注的地方, one row per party, the party named in the
    first cell): its first row's first cell is no label and each other filled cell is
    one, and at least two body rows open with a cell naming a distinct party."""
    grid = t.grid()
    if len(grid) < 3 or t.n_cols < 2:
        return None
    first = grid[0]
    if first[0] is None or label_polarity(first[0].text) is not None:
        return None
    head: MatrixHead = []
    for c, cell in enumerate(first[1:], start=1):
        if cell is None or not cell.text.strip() or cell.col != c:
            continue
        pol = label_polarity(cell.text)
        if pol is None:
            return None
        head.append((c, cell, pol))
    if not head:
        return None
    named = {profile.party_of(row[0].text) for row in grid[1:] if row[0] is not None}
    return head if len(named - {None}) >= 2 else None


def _continues(prev: Table, t: Table) -> bool:
    """t, starting the next page, continues the opinion table `prev`: the same columns,
    their edges where prev's are (a row broken over the page; the header not repeated,
    or repeated and then skipped)."""
    if t.pages[0] != prev.pages[-1] + 1 or t.n_cols != prev.n_cols or not t.ruled:
        return False

    def lefts(x: Table) -> list[float]:
        out: dict[int, float] = {}
        for c in x.cells:
            if c.colspan == 1:
                out.setdefault(c.col, c.bbox[0])
        return [out.get(k, -1.0) for k in range(x.n_cols)]

    return all(abs(a - b) <= 2.0 for a, b in zip(lefts(prev), lefts(t), strict=True))


def _matrix_tables(
    doc: Document, profile: Profile, tops: list[tuple[Party, Section]]
) -> list[tuple[Section, list[Table], MatrixHead]]:
    """Opinion tables of all parties (`_matrix_head`) outside any party's own section,
    each with the tables continuing it on the following pages."""
    taken = {id(s) for _, top in tops for s in top.walk()}
    out: list[tuple[Section, list[Table], MatrixHead]] = []
    for sec in doc.root.walk():
        if id(sec) in taken:
            continue
        tables, i = sec.tables, 0
        while i < len(tables):
            head = _matrix_head(tables[i], profile)
            parts, i = [tables[i]], i + 1
            if head is None:
                continue
            while i < len(tables) and _continues(parts[-1], tables[i]):
                parts.append(tables[i])
                i += 1
            out.append((sec, parts, head))
    return out


def _matrix_items(
    sec: Section,
    parts: list[Table],
    head: MatrixHead,
    profile: Profile,
    none_rx: re.Pattern[str],
    sections: list[AssessmentSection],
    items: list[AssessmentItem],
) -> None:
    """Each party's row of an opinion table: a section per praise/concern column, its
    items one a numbered line (a line without a number continues the item above, also
    over a page break). The first row of a continuing part whose first cell names no
    party, or the party of the row above, is that row broken over the page: its cells
    continue that row's."""
    labels = {re.sub(r"\s+", "", cell.text) for _, cell, _ in head}
    rows: list[tuple[list[TableCell], dict[int, list[TableCell]]]] = []
    for k, t in enumerate(parts):
        grid = t.grid()
        body = grid[1:] if k == 0 else grid
        for j, row in enumerate(body):
            cells = [c for c in row if c is not None]
            if {re.sub(r"\s+", "", c.text) for c in cells[1:]} == labels:
                continue  # the header repeated on the next page
            first = row[0]
            party = profile.party_of(first.text) if first is not None else None
            above = profile.party_of("".join(c.text for c in rows[-1][0])) if rows else None
            # a part's first row naming no party, or the party of the row above (the
            # rest of its name: 会工作督导中心）), is that row broken over the page
            broken = k > 0 and j == 0 and bool(rows) and party in (None, above)
            if not broken and party is None:
                continue  # a row of no party
            if not broken:
                rows.append(([], {c: [] for c, _, _ in head}))
            party_cells, content = rows[-1]
            if first is not None and first not in party_cells:
                party_cells.append(first)
            for c, _, _ in head:
                cell = row[c] if c < len(row) else None
                if cell is not None and cell.text.strip() and cell not in content[c]:
                    content[c].append(cell)
    area = _area_of(sec)
    for party_cells, content in rows:
        name = re.sub(r"\s+", "", "".join(c.text for c in party_cells))
        party = profile.party_of(name)
        if party is None:
            continue
        for c, label, pol in head:
            texts = _numbered_lines(content[c])
            none = len(texts) <= 1 and any(none_rx.search(x) for _, x, _ in texts)
            if none:
                texts = []
            heading = label.text.strip()
            _add_table_section(
                sections, items, party, [name], area, pol, heading, party_cells[0], texts, none
            )


def _numbered_lines(cells: list[TableCell]) -> list[tuple[int | None, str, TableCell]]:
    """The items of a row's cells (one cell, or two where the row broke over a page):
    a printed line opening with a number opens an item, any other line continues the
    item above; with no numbered line, the numbers inside the text split it."""
    lines = [
        (text, cell) for cell in cells for text, _ in (cell.lines or ((cell.text, cell.bbox),))
    ]
    out: list[tuple[int | None, str, TableCell]] = []
    if not any(_line_item(text) for text, _ in lines):
        for cell in cells:
            text = cell.text.strip()
            marks = list(_CELL_ITEM.finditer(text))
            if not marks:
                out.append((None, text, cell))
                continue
            for i, m in enumerate(marks):
                end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
                out.append((_ordinal(m.group(1)), text[m.end() : end].strip(), cell))
        return out
    for text, cell in lines:
        opened = _line_item(text)
        if opened is not None:
            marker, style = opened
            body = text.lstrip()[len(marker) :].strip()
            out.append((_ordinal(marker.strip(), style), body, cell))
        elif out:
            o, before, at = out[-1]
            out[-1] = (o, before + text.strip(), at)
        else:
            out.append((None, text.strip(), cell))
    return out
