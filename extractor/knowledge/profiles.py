"""models/profiles/*.yaml: what one report family prints by default (parties and their
names, weights, grade bands, scoring wordings); printed weights and bands override it."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal, cast, get_args

from pydantic import Field, field_validator, model_validator

from extractor.knowledge.loader import Data, bad_regexes, compiled, load, raise_all
from extractor.records import Party

DEFAULT_PROFILE = "guangzhou_station"


class PartyProfile(Data):
    names: list[str]
    section: str
    default_weight: float


class BandProfile(Data):
    grade: str
    lower: float | None = None
    lower_inclusive: bool = True
    upper: float | None = None
    upper_inclusive: bool = False


class ScoringPatterns(Data):
    """Regexes; `{grades}` is filled with the profile's grades (longest first)."""

    weight: str
    band_at_least: str
    band_between: str
    band_below: str
    party_score: str
    total: str
    grade: str
    weight_cue: str
    weight_list: str
    total_label: str
    # A clause that describes the scale, not this report's score ("评估总分为100分，其中…").
    total_maximum: str
    # A party's score printed in its own section's heading: "（一）购买方评估意见（得分：19.13分）".
    heading_score: str
    # A party's score in a sentence of its own section, perhaps with its full mark, the
    # party's weight in points: "购买方（…）对服务站本期工作评分为25.38分（满分30分）".
    section_score: str
    # A party's score stated after its full mark and a deduction list, in its own section
    # (its heading naming the party): "满分30分。扣分项：…，扣1.5分。共扣5.5分，实得24.5分。"
    # — never a deduction (扣N分) nor the full mark (满分N分).
    stated_score: str
    # Weights listed in the order the parties were just named: "由购买方、区民政局、市督导
    # 中心、第三方评估机构四方共同评分，评分权重依次为20%、10%、15%、55%".
    weight_in_order: str
    # Weights as a ratio of the parties' full marks, in the order the parties were just
    # named: "由购买方、监督方、督导方和第三方评估机构四方评分构成，四方评分按3∶2∶1∶4的
    # 比例计入综合得分" (group `values`, the ratio's terms).
    weight_ratio: str
    # The total derived in a formula sentence, each party's weighted term after it:
    # "综合得分＝购买方评分×30%＋…＋第三方评估机构评分×40%＝26.07＋16.50＋8.77＋37.48＝88.82分"
    # (groups `terms`, `values`, `total`); `formula_term` is one term of `terms` (groups
    # `party`, `weight`) and `formula_value` one figure of `values`.
    score_formula: str
    formula_term: str
    formula_value: str
    band_at_least_g: str
    band_between_g: str
    band_below_g: str
    band_at_least_i: str
    band_between_i: str
    band_below_i: str
    # A band in interval notation after its grade ("优秀 │ [90,100]", "良好 [80,90)"):
    # groups `grade`, `open`, `lower`, `upper`, `close`; read only where a bracket is square.
    band_interval: str = "(?!)"
    score_cue: str
    score_list: str
    weight_header: str
    # First cell of a score table's row printing each party's weighted score, where the
    # parties are the columns (项目 │ 购买方 │ … over 权重 │ 得分 │ 加权得分): the figures
    # the total sums, so the parties' scores.
    weighted_label: str
    # A score/full-mark header's halves (得分/满分 over `25.44/30`): each a pattern.
    score_half: str
    full_mark_half: str
    # The grade as a line of check boxes (评估等级：□优秀　☑良好…): the line, one box
    # with its grade, a ticked box.
    grade_boxes: str
    boxed_grade: str
    ticked_box: str
    # Weights printed as points of a full mark ("满分100分，其中购买方25分…"): the full
    # mark (group `max`) and each party's points after it.
    weight_scale: str
    weight_points: str
    # First cell of the row closing a party's own criteria table (评分项目 │ 分值 │ 得分 …
    # 小计 │ 30 │ 27.43): its 得分 the party's score, its 分值 the party's full mark.
    subtotal_label: str = "(?!)"


CoreField = Literal["station", "total", "grade", "period"]


class Profile(Data):
    """Knowledge of one report family; printed weights and bands override the defaults."""

    id: str
    description: str
    parties: dict[str, PartyProfile]
    grades: list[str]
    # Other ladders a report may define instead (best first): see `with_grades`.
    grade_scales: list[list[str]] = Field(default_factory=list)
    default_bands: list[BandProfile]
    scoring: ScoringPatterns
    none_stated: str
    # The party a report with no party sections speaks for: the evaluator's own report
    # (评估结论 … 存在问题 … 建议), its praise and concern labels its own.
    own_party: Party | None = None
    # The fields every report of the family has, each with a pattern for the words
    # that print it (to tell "never mentioned" from "mentioned, but not read").
    core_fields: dict[CoreField, str]
    # What prints an indicator's rate in a report's text (完成率92.73%): a record with no
    # indicator row while its text prints several is told apart from one with none to read.
    indicator_figures: str = ""
    # An organisation with its role in brackets, as a report introduces the parties it
    # names by organisation throughout: "澜东区民政局（监督方）、…和…评估中心（第三方评估
    # 机构）" (groups `org` and `role`; the role must be one of a party's names).
    named_party: str = ""
    # Organisation names this report gave a role (filled per report by
    # `passes.parties.with_named_parties`, never in the YAML): name → party.
    named: dict[str, Party] = Field(default_factory=dict)

    def pattern(self, name: str) -> re.Pattern[str]:
        """A scoring pattern with `{grades}` filled in, longest grade first."""
        return compiled(self._filled(name))

    def pattern_of(self, rx: str) -> re.Pattern[str]:
        """A pattern of this profile's (not a scoring one) compiled."""
        return compiled(rx)

    def _filled(self, name: str) -> str:
        return str(getattr(self.scoring, name)).replace(
            "{grades}", _grade_alternatives(self.grades)
        )

    def with_grades(self, ladder: list[str]) -> Profile:
        """This profile reading another grade ladder (优/良/中/差 for 优秀/良好/…): the
        band and grade patterns filled with its grades; no default bands (a report read
        in a ladder of its own defines them)."""
        return self.model_copy(update={"grades": list(ladder), "default_bands": []})

    def party_of(self, text: str) -> Party | None:
        """The party whose name appears in `text` (longest name wins)."""
        best: tuple[int, Party] | None = None
        for pid, p in self.party_items():
            for n in p.names:
                if n in text and (best is None or len(n) > best[0]):
                    best = (len(n), pid)
        for n, pid in self.named.items():
            if n in text and (best is None or len(n) > best[0]):
                best = (len(n), pid)
        return best[1] if best else None

    def named_party_of(self, text: str) -> Party | None:
        """The party one of this report's own organisation names in `text` names."""
        hits = [(len(n), pid) for n, pid in self.named.items() if n in text]
        return max(hits)[1] if hits else None

    def party_items(self) -> list[tuple[Party, PartyProfile]]:
        return [(cast(Party, k), v) for k, v in self.parties.items()]

    @field_validator("parties")
    @classmethod
    def _known_parties(cls, v: dict[str, PartyProfile]) -> dict[str, PartyProfile]:
        unknown = set(v) - set(get_args(Party))
        if unknown:
            raise ValueError(f"unknown parties {sorted(unknown)}; allowed: {get_args(Party)}")
        return v

    @field_validator("core_fields")
    @classmethod
    def _all_core_fields(cls, v: dict[CoreField, str]) -> dict[CoreField, str]:
        missing = set(get_args(CoreField)) - set(v)
        if missing:
            raise ValueError(f"core_fields lacks {sorted(missing)}")
        return v

    @model_validator(mode="after")
    def _patterns_compile(self) -> Profile:
        fields = [(f"core_fields.{f}", p) for f, p in self.core_fields.items()]
        fields.append(("named_party", self.named_party))
        scoring = [
            (f"scoring.{n}", ladder._filled(n))
            for ladder in (self, *(self.with_grades(g) for g in self.grade_scales))
            for n in ScoringPatterns.model_fields
        ]
        raise_all(bad_regexes(fields + scoring))
        return self


def _grade_alternatives(grades: list[str]) -> str:
    """A ladder's grades as pattern alternatives, longest first: a one-character grade (优)
    must not run on into a further Chinese character (优秀, 优化 are words, not the grade).
    The one-character grades, last after the sort, share one look-ahead: `(?:优|良)(?!X)`
    matches as `优(?!X)|良(?!X)` does, and `re` builds the CJK class's 21,000-character
    map once per pattern instead of once per grade (issue 10: start-up)."""
    ordered = sorted(grades, key=len, reverse=True)
    longer = [g for g in ordered if len(g) > 1]
    single = [re.escape(g) for g in ordered if len(g) <= 1]
    if single:
        longer.append(f"(?:{'|'.join(single)})(?![\u4e00-\u9fff])")
    return "|".join(longer)


@lru_cache(maxsize=8)
def profile(name: str = DEFAULT_PROFILE) -> Profile:
    return load(Profile, Path("profiles") / f"{name}.yaml")
