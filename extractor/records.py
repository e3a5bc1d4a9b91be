"""The record shapes Pinggu produces: one `Report` per PDF.

Everything else imports from here; this module imports nothing of the project (but
`extractor.rows`, lazily, for `Report.to_frames`), so the records stay the stable
contract between extraction, checks, stores, exports and gold. Values keep the report's
Chinese as printed; field names are English snake_case (docs/architecture.md, "Names").
Provenance is optional so that gold files, which are written without page geometry,
validate against the same model.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1"

Party = Literal["monitor", "buyer", "supervision_centre", "third_party"]
Polarity = Literal["praise", "concern"]
ReportKind = Literal["中期", "末期"]
Severity = Literal["error", "warning", "info"]
Status = Literal["success", "partial", "failure"]


_set_slot = object.__setattr__


def _rebuilt(cls: type[Record], values: dict[str, Any], fields_set: set[str]) -> Record:
    """A record as `Record.__reduce__` pickled it: its fields' values and which of them
    were set, restored as they were (not validated again: they were when it was built)."""
    record = cls.__new__(cls)
    _set_slot(record, "__dict__", values)
    _set_slot(record, "__pydantic_fields_set__", fields_set)
    _set_slot(record, "__pydantic_extra__", None)  # extra="forbid": never any
    _set_slot(record, "__pydantic_private__", None)  # no private attributes
    return record


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as (class, field values, fields set): what pydantic's own
        `__getstate__`/`__setstate__` keep of a record, without their per-record dict of
        four entries both ways. A worker pickles every record it sends back (`pool`),
        hundreds of nested records each: pickling and unpickling them took about 40%
        less CPU (5 reports of the corpus, 13.2 → 8.2 ms, one process)."""
        return (_rebuilt, (type(self), self.__dict__, self.__pydantic_fields_set__))


class Provenance(Record):
    """Where a value was read: 1-based page, bbox in PDF points (x0, top, x1, bottom).

    A value read by OCR also says how sure the engine was: `confidence` is its lowest
    character confidence over `text`, `doubtful` the offsets in `text` of the characters
    it was unsure of (below `OCR_DOUBT`). Both stay None for a text layer."""

    page: int
    bbox: tuple[float, float, float, float] | None = None
    text: str = ""
    confidence: float | None = Field(
        None, description="OCR only: the engine's lowest character confidence over text (0-1)"
    )
    doubtful: list[int] | None = Field(
        None, description="OCR only: offsets in text of characters read with low confidence"
    )


# A character the OCR engine gave less than this confidence is doubtful: a figure holding
# one may be a misreading, so a check that it fails is a warning, not an error.
OCR_DOUBT = 0.9


class Text(Record):
    value: str
    prov: Provenance | None = None


class Number(Record):
    """A printed figure. `printed` keeps the text as it stood ("240 万元", "60.00%")."""

    value: float
    printed: str | None = None
    unit: str | None = None
    approx: bool = False
    prov: Provenance | None = None


class Date(Record):
    value: dt.date
    printed: str | None = None
    prov: Provenance | None = None


class Period(Record):
    start: dt.date
    end: dt.date
    months: int | None = Field(None, description="Month count as printed, if printed")
    printed: str | None = None
    prov: Provenance | None = None


class OcrSource(Record):
    """How much of the report was read from page images rather than a text layer."""

    engine: str = Field(description="OCR engine and version, e.g. 'rapidocr 3.10.0'")
    pages: list[int] = Field(default_factory=list, description="1-based pages recognised")
    mean_confidence: float | None = None
    doubtful_chars: int = Field(0, description="Characters read below OCR_DOUBT")


class Source(Record):
    file: str
    sha256: str | None = None
    pages: int | None = None
    extractor_version: str | None = None
    profile: str | None = None
    ocr: OcrSource | None = Field(None, description="Set when any page was read by OCR")


class Meta(Record):
    # The fields that hold plain printed text (exports and evaluation walk them).
    TEXT_FIELDS: ClassVar[tuple[str, ...]] = (
        "station",
        "street",
        "district",
        "city",
        "operator",
        "buyer",
        "address",
        "evaluator",
    )

    station: Text | None = None
    street: Text | None = None
    district: Text | None = None
    city: Text | None = None
    kind: ReportKind | None = None
    year: int | None = None
    operator: Text | None = None
    buyer: Text | None = None
    address: Text | None = None
    contract_period: Period | None = None
    assessment_period: Period | None = None
    funding_yuan: Number | None = None
    evaluation_date: Date | None = None
    evaluator: Text | None = None
    area_count: Number | None = None


class PartyWeight(Record):
    party: Party
    weight: float = Field(description="Share of the 100-point total, in percent")
    prov: Provenance | None = None


class GradeBand(Record):
    """A grade and its score interval; None means unbounded on that side."""

    grade: str
    lower: float | None = None
    lower_inclusive: bool = True
    upper: float | None = None
    upper_inclusive: bool = False
    prov: Provenance | None = None


class PartyScore(Record):
    party: Party
    score: Number


class Scoring(Record):
    weights: list[PartyWeight] = Field(default_factory=list)
    weights_source: Literal["report", "profile"] | None = None
    table_weights: list[PartyWeight] = Field(
        default_factory=list,
        description="The weights a table prints (beside the scores): where they differ "
        "from the text's, the table's party columns are in doubt; where they agree, its "
        "party columns were read as printed",
    )
    bands: list[GradeBand] = Field(default_factory=list)
    bands_source: Literal["report", "profile"] | None = None
    party_scores: list[PartyScore] = Field(default_factory=list)
    total: Number | None = None
    grade: Text | None = None
    table_read: ScoreTableRead | None = Field(
        None,
        description="The read of the table(s) the party scores were taken from (a score "
        "table, or the parties' criteria tables); when not trusted, the scoring figures "
        "it gave (`fields`) are not checked",
    )


class AssessmentPlace(Record):
    """Where a praise or concern list stands: whose assessment, under which headings,
    for which 片区, which way. A section and its items share it (`same_place`)."""

    party: Party
    section_path: list[str]
    area: str | None = None
    polarity: Polarity

    def same_place(self, other: AssessmentPlace) -> bool:
        return (self.party, self.section_path, self.area, self.polarity) == (
            other.party,
            other.section_path,
            other.area,
            other.polarity,
        )


class AssessmentSection(AssessmentPlace):
    """One praise or concern heading and how many items it holds (0 when none stated)."""

    heading: str
    item_count: int
    none_stated: bool = False
    prov: Provenance | None = None


class AssessmentItem(AssessmentPlace):
    """One praise or concern item under its section."""

    ordinal: int | None = None
    headline: str
    text: str
    themes: list[str] = Field(default_factory=list)
    numbers: list[float] = Field(default_factory=list)
    prov: Provenance | None = None


class Cell(Record):
    """A table cell as printed; value is None for "/" (not applicable) or blank."""

    printed: str
    value: float | None = None
    prov: Provenance | None = None


Scope = Literal["post", "area", "total", "station"]


class IndicatorRow(Record):
    """One row scope × indicator × measure of an indicator table.

    Scopes nest: `post` rows (a 社工点 / community) belong to an `area` (片区; a printed
    小计 is its area's row), areas add up to the `total` (合计 / 总计); `station` rows
    come from tables that print one figure for the whole station (附件1-2)."""

    table: str = Field(description="Appendix label, e.g. 附件1-1")
    area: str | None = Field(
        None,
        description="片区 label as printed (also on its posts' rows); 合计 for the total "
        "row whatever its printed label (合计, 总计, …); None for station rows",
    )
    post: str | None = Field(None, description="社工点 / community name of a post row")
    scope: Scope | None = Field(
        None, description="post, area, total or station; derived from area/post if absent"
    )
    indicator: str = Field(description="Canonical indicator id from models/indicators")
    label: str = Field(description="Raw header label as printed")
    measure: str = Field(description="Canonical measure: count, sessions, attendances, ...")
    target: Cell | None = None
    done: Cell | None = None
    pct: Cell | None = None
    not_applicable: bool = False
    uncertain: str | None = Field(
        None,
        description="Why the table this row was read from may have been misread; the "
        "checker does not check such rows (they are 'not checkable' in coverage)",
    )
    uncertain_zh: str | None = Field(None, description="`uncertain` in Chinese")

    @model_validator(mode="after")
    def _derive_scope(self) -> IndicatorRow:
        if self.scope is None:
            if self.post is not None:
                self.scope = "post"
            elif self.area is None:
                self.scope = "station"
            elif self.area == "合计":  # every total row (合计, 总计 …) is written 合计
                self.scope = "total"
            else:
                self.scope = "area"
        return self


class NarrativeFigure(Record):
    """A figure stated in running text, tied to an indicator where one is recognised."""

    indicator: str | None = None
    measure: str | None = None
    kind: Literal["done", "pct", "target", "other"] = "done"
    value: float
    printed: str
    unit: str | None = None
    scope: str | None = Field(None, description="片区 label or None for the station")
    approx: bool = False
    sentence: str = ""
    prov: Provenance | None = None


class TableRead(Record):
    """How well one indicator table's read holds together: of the relations its own
    figures allow recomputing (rate = done ÷ target, 片区 rows adding up to 合计, 社工点
    rows to their 片区), how many do. A read below the trust threshold is reported as a
    problem and its rows are not checked: a misread must never become a finding."""

    table: str
    caption: str = ""
    pages: list[int] = Field(default_factory=list)
    rows: int = 0
    relations: int = 0
    consistent: int = 0
    score: float | None = Field(None, description="consistent ÷ relations; None if too few")
    trusted: bool = True
    doubts: list[str] = Field(
        default_factory=list, description="What the read found odd (figures it could not place)"
    )
    doubts_zh: list[str] = Field(default_factory=list, description="`doubts` in Chinese")


class StaffingTableRead(TableRead):
    """How well a staffing table's read holds together (岗位 │ 持证社工 › 中级 │ 助理 │ 小计 │
    未持证 │ 合计): each line's 中级 + 助理 = 小计 and 小计 + 未持证 = 合计, each column's
    合计 line the sum of the lines above it. A published slip moves one figure, so the
    relations it breaks all pass through that figure; when those that fail share none,
    the read is not trusted and the head counts it gave (`fields`) are not checked."""

    fields: list[str] = Field(
        default_factory=list, description="The staffing fields taken from this table"
    )


class ScoreTableRead(TableRead):
    """How well the read of the table(s) the party scores came from holds together: in a
    score table (a line per party), each party's cell under the weight's header prints
    the party's weight and its score fits under it, and the scores make the total; in
    the parties' criteria tables (评分项目 │ 分值 │ 得分 … 小计), each item's 得分 fits
    under its 分值 and the 小计 line is the sum of the items'. A published slip moves one
    figure and breaks only relations through it; when those that fail share none (a
    line read rotated, two columns read the wrong way round), the read is not trusted
    and the scoring figures it gave (`fields`) are not checked."""

    fields: list[str] = Field(
        default_factory=list,
        description="The scoring figures taken from it: party_scores, total, grade",
    )


class Indicators(Record):
    rows: list[IndicatorRow] = Field(default_factory=list)
    narrative: list[NarrativeFigure] = Field(default_factory=list)
    reads: list[TableRead] = Field(default_factory=list)


class RosterRow(Record):
    group: Literal["certified", "uncertified"]
    seq: int
    name: str
    position: str | None = None
    qualification: str | None = None
    contract: str | None = None
    marks: list[str] = Field(
        default_factory=list, description="Per-month 人员到位 marks as printed: √, ——, 0.5"
    )
    on_post: Number | None = Field(None, description="人员到岗小计")
    experienced: Number | None = Field(None, description="2年以上社工到岗小计")
    note: str | None = None
    prov: Provenance | None = None


class RosterTotals(Record):
    """A printed subtotal line of the roster (a group's 小计 or the 总计)."""

    scope: Literal["certified", "uncertified", "all"]
    monthly: list[float] = Field(default_factory=list, description="有效人次 per month")
    cells: list[str] = Field(
        default_factory=list,
        description="The row's printed cells, per month: 人员到位, 社保购买, 工资发放",
    )
    on_post: Number | None = None
    experienced: Number | None = None
    prov: Provenance | None = None


class Staffing(Record):
    """Staffing figures as printed in the narrative, plus the 附件2 roster."""

    certified_required: Number | None = None
    certified_actual: Number | None = None
    certified_surplus: Number | None = None
    fulltime_required: Number | None = None
    fulltime_actual: Number | None = None
    fulltime_surplus: Number | None = None
    certified_count: Number | None = None
    uncertified_count: Number | None = None
    total_count: Number | None = None
    mid_level_count: Number | None = None
    assistant_level_count: Number | None = None
    resigned_early: Number | None = None
    left_in_probation: Number | None = None
    transferred_in: Number | None = None
    new_hires: Number | None = None
    stable_count: Number | None = None
    retention_rate: Number | None = None
    retention_requirement: Number | None = None
    experienced_person_months: Number | None = None
    experienced_share: Number | None = None
    roster: list[RosterRow] = Field(default_factory=list)
    roster_totals: list[RosterTotals] = Field(default_factory=list)
    roster_retention_rate: Number | None = None
    table_read: StaffingTableRead | None = Field(
        None, description="The read of the staffing table head counts were taken from"
    )


class Location(Record):
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    ref: str = Field(description="Stable pointer, e.g. indicators/附件1-1/合计/casework/pct")
    text: str = ""


class RuledOut(Record):
    """A reading of the figures other than the one checked (a misread the finding could
    rest on) that the checker tested and found not to explain it (extractor.checks.misreads)."""

    code: str = Field(description="Catalogue id of the reading (misread.…)")
    params: dict[str, str] = Field(default_factory=dict, description="What it was tested with")
    text: str = Field("", description="The reading and why it is ruled out, in English")
    text_zh: str = ""


class Finding(Record):
    """One inconsistency. Every text is given in English and Chinese (the `_zh` fields),
    both from the checker's message catalogue (models/messages/checks.yaml)."""

    rule: str
    severity: Severity
    locations: list[Location] = Field(default_factory=list)
    printed: str | None = None
    expected: str | None = None
    tolerance: str | None = Field(None, description="The tolerance used, in English")
    tolerance_zh: str | None = None
    cause: str | None = Field(None, description="The likely cause(s), in English")
    cause_zh: str | None = None
    message: str | None = Field(None, description="Catalogue id of the explanation")
    explanation_zh: str = ""
    explanation_en: str = ""
    ruled_out: list[RuledOut] = Field(
        default_factory=list, description="Other readings of the figures, tested and ruled out"
    )


class Skipped(Record):
    """A figure a rule could not check, and why (silence must never look like a pass)."""

    ref: str
    reason: str = Field(description="Why, in English")
    reason_zh: str = ""
    message: str | None = Field(None, description="Catalogue id of the reason")


class RuleCoverage(Record):
    """How much of the report a rule could examine: an audit needs the gaps, not only hits."""

    rule: str
    family: str
    description: str = Field(description="What the rule checks, in English")
    description_zh: str = ""
    possible: int = 0
    run: int = 0
    flagged: int = 0
    skipped: list[Skipped] = Field(default_factory=list)


class Problem(Record):
    """Something the record lacks or may have wrong, and why (in English and Chinese)."""

    stage: str
    message: str
    message_zh: str = ""
    code: str | None = Field(None, description="Catalogue id (models/messages/problems.yaml)")
    page: int | None = None
    detail: str | None = Field(
        None,
        description="Technical detail for debugging (an exception and where it rose), "
        "as raised, never translated; kept out of the message",
    )


class Report(Record):
    schema_version: str = SCHEMA_VERSION
    status: Status = "success"
    problems: list[Problem] = Field(default_factory=list)
    source: Source
    meta: Meta = Field(default_factory=Meta)
    scoring: Scoring = Field(default_factory=Scoring)
    assessment_sections: list[AssessmentSection] = Field(default_factory=list)
    assessments: list[AssessmentItem] = Field(default_factory=list)
    indicators: Indicators = Field(default_factory=Indicators)
    staffing: Staffing = Field(default_factory=Staffing)
    findings: list[Finding] = Field(default_factory=list)
    coverage: list[RuleCoverage] = Field(default_factory=list)

    def to_frames(self, lang: str = "zh") -> dict[str, Any]:
        """The record as pandas DataFrames, table name → frame (`extractor.rows`: reports,
        findings, indicator_rows, narrative, assessments, party_scores, staffing, roster,
        problems), each row with file, station, district, street, year and kind. Needs
        the `pandas` extra."""
        from extractor.rows import frames, report_tables

        return frames(report_tables([self], lang))


ErrorKind = Literal[
    "row_pct",
    "total_cell",
    "total_pct_sum",
    "score_sum",
    "grade_band",
    "narrative_mismatch",
    "roster_subtotal",
    "staffing_rate",
    "published",
]


class ExpectedFinding(Record):
    """A known inconsistency in a gold report: injected by the generator or published."""

    kind: ErrorKind
    ref: str = Field(description="Same pointer scheme as Location.ref")
    printed: str
    expected: str
    note: str = ""


class GoldReport(Report):
    """Gold answer for one corpus PDF: the Report plus what the checker must find."""

    variant: dict[str, str | int | bool] = Field(default_factory=dict)
    expected_findings: list[ExpectedFinding] = Field(default_factory=list)
