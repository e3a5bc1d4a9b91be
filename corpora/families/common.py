"""What every family template needs: the family record, dates as printed, item pools
and a seeded generator per report."""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from corpora.families.facts import Meta, ReportFacts
from corpora.families.writer import Writer
from extractor.splits import HELD_BACK_SPLITS

HERE = Path(__file__).parent
Spec = dict[str, Any]
# Where each split's families live under corpora/: development (`families`), then each
# held-back split in its own folder of the same name (`extractor.splits.HELD_BACK_SPLITS`:
# validation, heldout, unseen, blind, sealed, reserve, vault, closed, withheld, embargoed,
# sequestered, locked, shuttered, bolted, latched, barred, fenced, moated, gated, walled —
# each made after the one before had been looked at, sequestered while embargoed was,
# locked while sequestered was, latched while bolted was, fenced while barred was, moated
# while fenced was, gated while moated was).
SPLIT_FOLDERS = {"dev": "families", **{s: s for s in HELD_BACK_SPLITS}}


@dataclass(frozen=True)
class Family:
    """One evaluator's template: its reports' specs, how facts are drawn, how it writes."""

    name: str
    split: str  # "dev" or a held-back split (SPLIT_FOLDERS)
    summary: str  # one line: what the template looks like
    specs: list[Spec]
    facts: Callable[[Spec], ReportFacts]
    write: Callable[[ReportFacts], Writer]

    @property
    def folder(self) -> Path:
        return HERE.parent / SPLIT_FOLDERS[self.split] / self.name


def rng_for(family: str, report: str) -> random.Random:
    """A generator seeded by family and report name (str seeds hash the same everywhere)."""
    return random.Random(f"{family}/{report}")


@functools.cache
def _pools() -> dict[str, list[str]]:
    data: dict[str, list[str]] = yaml.safe_load((HERE / "phrases.yaml").read_text("utf-8"))
    return data


def pick(rng: random.Random, pool: str, n: int, area: str | None = None) -> list[str]:
    """`n` different items of a pool, `{area}` filled in."""
    texts = rng.sample(_pools()[pool], n)
    return [t.format(area=area or "") for t in texts]


def cn_date(d: dt.date, spaced: bool = False) -> str:
    """2024年1月1日, or with Word's habit of spaces around the digits."""
    if spaced:
        return f"{d.year} 年 {d.month} 月 {d.day} 日"
    return f"{d.year}年{d.month}月{d.day}日"


def dot_date(d: dt.date) -> str:
    return f"{d.year}.{d.month}.{d.day}"


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def add_months(d: dt.date, months: int) -> dt.date:
    """The day before the same date `months` later (a contract year: 1 Jul → 30 Jun)."""
    y, m = divmod(d.month - 1 + months, 12)
    return dt.date(d.year + y, m + 1, d.day) - dt.timedelta(days=1)


def months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


PARTY_ORDER = ("monitor", "buyer", "supervision_centre", "third_party")


def make_meta(
    rng: random.Random,
    spec: Spec,
    *,
    city: str,
    evaluator: str,
    operator: str,
    date: Callable[[dt.date], str] = cn_date,
    joiner: str = "至",
    area_count: str,
    address: str | None = None,
    months_printed: bool = True,
) -> Meta:
    """基本情况 facts from a report spec (street, district, kind, start, assessed
    months, funding): a one-year contract from `start`, assessed over the first months."""
    street: str = spec["street"]
    start: dt.date = spec["start"]
    end = add_months(start, 12)
    assessed_end = add_months(start, spec["assessed"])
    eval_date = assessed_end + dt.timedelta(days=rng.randint(8, 25))
    buyer_tail = "人民政府" if street.endswith("镇") else "道办事处"
    return Meta(
        station=f"{city}{street}社工服务站",
        street=street,
        district=spec["district"],
        city=city,
        kind=spec["kind"],
        year=assessed_end.year,
        operator=operator,
        buyer=f"{city}{spec['district']}{street}{buyer_tail}",
        address=address or f"{city}{spec['district']}{street[:-1]}路{rng.randint(8, 260)}号",
        contract=(start, end),
        contract_printed=f"{date(start)}{joiner}{date(end)}",
        assessment=(start, assessed_end),
        months=spec["assessed"],
        assessment_printed=f"{date(start)}{joiner}{date(assessed_end)}",
        funding_wan=spec["funding"],
        eval_date=eval_date,
        eval_date_printed=date(eval_date),
        evaluator=evaluator,
        area_count_printed=area_count,
        months_printed=months_printed,
    )


def buyer_short(street: str) -> str:
    """街道办事处 / 镇政府 as a heading names it: 东坡街道办事处, 桥头镇政府."""
    return f"{street}政府" if street.endswith("镇") else f"{street}道办事处"
