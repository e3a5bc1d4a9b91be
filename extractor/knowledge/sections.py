"""models/sections.yaml: numbering markers, heading rules, canonical section wordings."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field

from extractor.knowledge.loader import Data, Regex, load


class Marker(Data):
    """A numbering style: its name, the pattern of a line it opens, whether it opens a
    praise/concern item, and, for a style whose characters carry no number of their own
    (甲乙丙, A B C), its characters in order, so an item's ordinal can be read."""

    type: str
    pattern: Regex
    item: bool = False
    sequence: str = ""


class TabMarkers(Data):
    """Numbers set off from their heading by a tab: the gap after the number (in ems of
    the line's size) and the numbering styles the number may have (matched whole)."""

    gap: float = Field(default=1.0, gt=0)
    styles: list[Marker] = Field(default_factory=list)


class HeadingRules(Data):
    max_chars: int
    sentence_end: str
    min_score: float
    # A line of a table of contents (目录): a heading's text, a dot leader and the page
    # it starts on. Such a line is an entry of its own, never a heading, never joined.
    contents_line: Regex = "(?!)"


class ItemOpeners(Data):
    """Ordinal words that open the items of a list written without numbers ("首先，…" /
    "其次，…" / "最后，…"): `first` opens a run, `then` continues it, `last` ends it;
    `after` is what may follow the word (its punctuation)."""

    first: list[str] = Field(default_factory=list)
    then: list[str] = Field(default_factory=list)
    last: list[str] = Field(default_factory=list)
    after: Regex = "[，,：:]"


class ClauseItems(Data):
    """Items printed run in after a praise/concern label with no number or bullet
    ("优点：a；b；c。"), told apart by `separators` alone; `sentence_end` may close only
    the paragraph (a stop inside it makes it ordinary prose, left whole)."""

    separators: str = "；"
    sentence_end: str = "。！？"


class AspectLabels(Data):
    """A label run in with a comma when it names its side as an aspect ("成效方面，一是…"):
    a label word, then `suffix`, then a character of `after`."""

    suffix: str = ""
    after: Regex = "(?!)"


class ItemMarks(Data):
    """Items each opened by a run-in mark naming the item's kind and its number, with no
    praise/concern heading over them ("亮点一：…" / "问题二：…"; "问题：无。" for none): a
    kind word of `praise` or `concern`, then an `ordinal` (Chinese or Arabic), then a
    character of `after`."""

    praise: list[str] = Field(default_factory=list)
    concern: list[str] = Field(default_factory=list)
    ordinal: Regex = "(?!)"
    after: Regex = "[：:]"


class RemedyTable(Data):
    """A table of concerns with their remedies beside them (序号 │ 存在问题 │ 整改建议 │
    完成时限): header words naming the column of the items (`items`) and the columns
    beside it that are no items (`beside`: the remedy, the deadline, who answers)."""

    items: list[str] = Field(default_factory=list)
    beside: list[str] = Field(default_factory=list)


class SectionVocab(Data):
    markers: list[Marker]
    tab_markers: TabMarkers = Field(default_factory=TabMarkers)
    heading: HeadingRules
    sections: dict[str, list[str]]
    labels: dict[str, list[str]]
    # concern labels that only suggest (改进建议): see models/sections.yaml
    suggestions: list[str] = Field(default_factory=list)
    item_openers: ItemOpeners = Field(default_factory=ItemOpeners)
    # A tag opening a list item, naming its polarity by a label word (【优点】, 【不足】):
    # group `tag` is the word. See models/sections.yaml.
    item_tag: Regex = "(?!)"
    clause_items: ClauseItems = Field(default_factory=ClauseItems)
    aspect_labels: AspectLabels = Field(default_factory=AspectLabels)
    remedy_table: RemedyTable = Field(default_factory=RemedyTable)
    item_marks: ItemMarks = Field(default_factory=ItemMarks)


@lru_cache(maxsize=1)
def section_vocab() -> SectionVocab:
    return load(SectionVocab, "sections.yaml")
