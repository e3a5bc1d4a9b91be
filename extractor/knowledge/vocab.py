"""Word lists of models/vocab and models/taxonomy.yaml that the passes read directly:
the measure a row label names, and the themes of assessment items."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pydantic import Field

from extractor.knowledge.loader import Data, Regex, compiled, load


class MeasureWords(Data):
    """models/vocab/measures.yaml: the measure a row label's unit or wording names."""

    units: dict[str, str]
    words: dict[str, str]


@lru_cache(maxsize=1)
def measure_words() -> MeasureWords:
    return load(MeasureWords, "vocab/measures.yaml")


class ScopeVocab(Data):
    """models/vocab/scopes.yaml: words that make a table label a scope (合计, 小计, a 片区,
    a 社工点) or a column that holds no figure (序号, 备注)."""

    total: list[str]
    subtotal: list[str]
    area_headers: list[str]
    post_headers: list[str]
    label_headers: list[str]
    skip_headers: list[str]
    mean: list[str]
    breakdown_columns: list[str]
    current_period: list[str]
    earlier_period: list[str]
    earlier_base: tuple[str, ...] = ()
    cumulative_period: list[str]
    whole_period: list[str]
    stage_captions: list[str]
    unit_headers: list[str]
    area_suffixes: list[str]
    unit_words: list[str]
    area_title_endings: list[str]
    caption_endings: list[str]
    station_words: list[str]
    area_anaphora: tuple[str, ...] = ()
    area_collective: tuple[str, ...] = ()
    respectively: tuple[str, ...] = ()
    column_number_labels: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def scope_vocab() -> ScopeVocab:
    return load(ScopeVocab, "vocab/scopes.yaml")


class Theme(Data):
    label: str
    phrases: list[str]


class Taxonomy(Data):
    """models/taxonomy.yaml: theme id → label and the phrases that signal it."""

    themes: dict[str, Theme]


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    return load(Taxonomy, "taxonomy.yaml")


class ColumnWords(Data):
    match: Regex
    avoid: Regex | None = None

    def find(self, labels: list[str]) -> int | None:
        """Index of the first label matching `match` and not `avoid`."""
        rx, no = compiled(self.match), compiled(self.avoid) if self.avoid else None
        for i, label in enumerate(labels):
            if rx.search(label) and not (no and no.search(label)):
                return i
        return None


class RosterColumns(Data):
    kind: ColumnWords
    seq: ColumnWords
    name: ColumnWords
    position: ColumnWords
    qualification: ColumnWords
    contract: ColumnWords
    experienced: ColumnWords
    on_post: ColumnWords
    note: ColumnWords
    # Columns under one certificate header, one per level, a mark (√) where a person
    # holds it (持证情况 › 助理社会工作师 │ 社会工作师).
    certificate_marks: ColumnWords


class RosterRows(Data):
    retention: Regex
    monthly: Regex
    total: Regex
    subtotal: Regex

    def any(self, label: str) -> bool:
        """The label names one of the roster's own summary lines."""
        return any(compiled(rx).search(label) for rx in self.model_dump().values())


class RosterGroups(Data):
    uncertified: Regex
    certified: Regex


class RosterVocab(Data):
    """models/vocab/roster.yaml: the words of the 附件2 staff roster."""

    columns: RosterColumns
    month_mark: Regex
    month_header: Regex
    rows: RosterRows
    groups: RosterGroups
    uncertified_qualification: Regex
    table_header: list[str]
    month_table_header: list[str]
    month_columns: int = Field(ge=1)
    team_title: Regex
    team_header: Regex
    not_continuation: Regex
    note_start: Regex
    presence_marks: frozenset[str]
    absence_marks: frozenset[str] = frozenset()

    def has(self, name: str, text: str) -> bool:
        """`text` matches the top-level entry `name` (month_mark, not_continuation…)."""
        return compiled(getattr(self, name)).search(text) is not None


@lru_cache(maxsize=1)
def roster_vocab() -> RosterVocab:
    return load(RosterVocab, "vocab/roster.yaml")


class TableWords(Data):
    """models/vocab/table_words.yaml: header and row-label words of indicator tables,
    and what a cell may print around its figure (a unit, a bracketed remark, a note mark)."""

    words: list[str]
    cell_units: tuple[str, ...] = ()
    cell_remark: Regex | None = None
    cell_note_mark: Regex | None = None
    cell_capped: Regex | None = None
    continued_marks: tuple[Regex, ...] = ()


@lru_cache(maxsize=1)
def continued_marks() -> tuple[re.Pattern[str], ...]:
    """The words marking a caption as a table's continuation (续表1 …, 表1（续）)."""
    return tuple(compiled(rx) for rx in load(TableWords, "vocab/table_words.yaml").continued_marks)


@lru_cache(maxsize=1)
def cell_decorations() -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """(units a cell may print after its figure, longest first; the remark pattern)."""
    tw = load(TableWords, "vocab/table_words.yaml")
    units = tuple(sorted(tw.cell_units, key=len, reverse=True))
    return units, compiled(tw.cell_remark) if tw.cell_remark else None


@lru_cache(maxsize=1)
def cell_note_mark() -> re.Pattern[str] | None:
    """The note marks a cell may print after its figure (592*, 8△), at the end."""
    tw = load(TableWords, "vocab/table_words.yaml")
    return compiled(tw.cell_note_mark) if tw.cell_note_mark else None


@lru_cache(maxsize=1)
def _cell_capped() -> re.Pattern[str] | None:
    tw = load(TableWords, "vocab/table_words.yaml")
    return compiled(tw.cell_capped) if tw.cell_capped else None


@lru_cache(maxsize=4096)
def capped_actual(text: str) -> str | None:
    """The actual rate a cell prints in brackets after the rate counted for the score
    ("100%（实际155.23%）" → "155.23%"), None for any other cell: the bracketed rate is
    the figure, the counted one a cap (table_words.yaml `cell_capped`)."""
    rx = _cell_capped()
    if rx is None or ("%" not in text and "％" not in text):
        return None
    m = rx.match(re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))
    return m.group("actual") if m else None


@lru_cache(maxsize=1)
def table_words() -> tuple[str, ...]:
    """Every word an indicator table prints in its headers and row labels: the list in
    table_words.yaml plus the indicator names, aliases and column sub-headers."""
    from extractor.knowledge.loader import model_path
    from extractor.knowledge.nlp import load_indicators

    vocab = load_indicators(model_path("vocab/indicators.yaml"))
    words = list(load(TableWords, "vocab/table_words.yaml").words)
    for ind in vocab.indicators.values():
        words += [ind.name, *ind.aliases]
    words += [c.label for c in vocab.columns]
    return tuple(dict.fromkeys("".join(w.split()) for w in words))


@lru_cache(maxsize=1)
def indicator_names() -> dict[str, str]:
    """Canonical indicator id → its Chinese name as usually printed (phone_visits → 电访):
    the label that groups one indicator across reports whatever each printed."""
    from extractor.knowledge.loader import model_path
    from extractor.knowledge.nlp import load_indicators

    vocab = load_indicators(model_path("vocab/indicators.yaml"))
    return {iid: ind.name for iid, ind in vocab.indicators.items()}
