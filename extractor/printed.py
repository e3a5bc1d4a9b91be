"""Printed figures as the intervals their precision allows (statcheck's idea).

"85.30%" does not claim 85.30 exactly: it claims some x that rounds to 85.30. A
recomputed value is consistent when one of the rounding habits seen in reports
(round-half-up, round-half-even, truncation) turns it into the printed digits. All
arithmetic is exact (`Fraction`), so a check never fails on a float artefact.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Literal

from extractor.knowledge.vocab import capped_actual

Agreement = Literal["exact", "round", "truncation"]

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_HALF = Fraction(1, 2)


@dataclass(frozen=True, slots=True)
class Printed:
    """A figure as printed: its exact decimal value and how many decimals it shows.

    `value` is the figure the digits stand for: the digits × 10**`scale` (`scale` 2 for a
    rate printed as a ratio, whose value is the percentage); `decimals` counts the printed
    digits' decimals."""

    value: Fraction
    decimals: int
    text: str
    scale: int = 0

    @property
    def step(self) -> Fraction:
        """One unit of the last printed digit, in the value's terms (1 point for "1.08")."""
        return _unit(self.scale, self.decimals)

    @property
    def digits(self) -> Fraction:
        """The number as printed (1.08 for a ratio whose value is 108)."""
        return self.value / Fraction(10**self.scale)

    def interval(self) -> str:
        """The half-up interval the printed digits stand for, e.g. [85.295, 85.305)."""
        half = Fraction(1, 10**self.decimals) / 2
        d = self.decimals + 1
        return f"[{fmt(self.digits - half, d)}, {fmt(self.digits + half, d)})"

    def shown(self, x: Fraction, extra: int = 0) -> str:
        """A value `x` written as this figure is printed (a percentage as a ratio when
        the figure prints a ratio), with `extra` decimals more than it shows."""
        return fmt(x / Fraction(10**self.scale), self.decimals + extra)

    def half_step(self) -> str:
        """Half a unit of the last printed digit: "0.005" for "85.30" (and for a ratio
        "1.08", in its printed terms)."""
        return fmt(Fraction(1, 10**self.decimals) / 2, self.decimals + 1)


@lru_cache(maxsize=64)
def _unit(scale: int, decimals: int) -> Fraction:
    """`Printed.step`, built once per precision (the narrative checks ask it per figure)."""
    return Fraction(10**scale, 10**decimals)


def exact(value: float) -> Fraction:
    """The decimal a float was parsed from (1748.3 → 17483/10), not its binary neighbour."""
    return _exact(repr(value))


# The checks read the same cells again and again (each rule, and each re-run of a rule
# for a misreading the guard tests): these two are memoised on what they depend on, the
# printed text and the float's repr, so each figure's Fraction is built once.
@lru_cache(maxsize=4096)
def _exact(value: str) -> Fraction:
    return Fraction(Decimal(value))


def parse_printed(text: str | None, value: float | None = None) -> Printed | None:
    """Read the first Arabic number of `text` (of the bracketed actual rate after a
    counted one, "100%（实际155.23%）": `knowledge.vocab.capped_actual`); fall back to
    `value` (e.g. "四名") as exact.
    A number printed without % (or a multiplier word) whose `value` is a hundred times its
    digits is a rate printed as a ratio (the table reader stored the percentage): `scale`
    2."""
    return _parse_printed(text, None if value is None else repr(value))


# A percent sign, or a multiplier word (3百, 1.2万), says the figure is no ratio.
_NOT_RATIO = re.compile(r"[%％百千万亿]")


@lru_cache(maxsize=4096)
def _parse_printed(text: str | None, value: str | None) -> Printed | None:
    if text:
        # A rate counted for the score with the actual in brackets ("100%（实际155.23%）")
        # prints the actual one: its digits are the figure's.
        norm = unicodedata.normalize("NFKC", capped_actual(text) or text).replace(",", "")
        norm = re.sub(r"(?<=\d)\s+(?=[\d.])|(?<=\.)\s+(?=\d)", "", norm)
        m = _NUMBER.search(norm)
        if m:
            digits = m.group(0)
            decimals = len(digits.split(".")[1]) if "." in digits else 0
            number = Fraction(Decimal(digits))
            if (
                value is not None
                and number
                and _NOT_RATIO.search(norm) is None
                and _exact(value) == number * 100
            ):
                return Printed(number * 100, decimals, text.strip(), scale=2)
            return Printed(number, decimals, text.strip())
    if value is None:
        return None
    frac = _exact(value)
    decimals = 0 if frac.denominator == 1 else len(value.split(".")[1])
    return Printed(frac, decimals, text.strip() if text else value)


def agreement(x: Fraction, printed: Printed) -> Agreement | None:
    """How `x` reproduces the printed digits, or None when no rounding habit does.

    Worked on integers: x and the printed value times 10**decimals / 10**scale, as
    numerator and denominator never reduced, so no `Fraction` is built per step (the
    checks ask this thousands of times a report); each test is the exact one."""
    if not isinstance(x, Fraction | int):
        return _agreement(x, printed)
    value = printed.value
    if x == value:  # x × scale == value × scale
        return "exact"
    up, down = 10**printed.decimals, 10**printed.scale
    tn, td = value.numerator * up, value.denominator * down
    if tn % td:
        return None  # the printed digits scaled are no whole number: no rounding gives them
    target = tn // td
    n, d = x.numerator * up, x.denominator * down  # d > 0
    if (2 * n + d) // (2 * d) == target:  # floor(x + 1/2): half up
        return "round"
    q, r = divmod(n, d)
    if target == q + (1 if 2 * r > d or (2 * r == d and q % 2) else 0):  # half to even
        return "round"
    if target == (q if n >= 0 else -(-n // d)):  # truncation towards zero
        return "truncation"
    return None


def _agreement(x: Fraction, printed: Printed) -> Agreement | None:
    """`agreement` for a value that is no exact rational (a float): in its arithmetic."""
    scale = Fraction(10**printed.decimals, 10**printed.scale)
    target = printed.value * scale
    scaled = x * scale
    if scaled == target:
        return "exact"
    half_up = math.floor(scaled + _HALF)
    half_even = round(scaled)
    if target in (half_up, half_even):
        return "round"
    trunc = math.floor(scaled) if scaled >= 0 else math.ceil(scaled)
    if target == trunc:
        return "truncation"
    return None


@lru_cache(maxsize=4096)
def rate_agreement(
    done: Fraction, target: Fraction, printed: Printed
) -> tuple[Fraction, Agreement | None]:
    """done ÷ target × 100, and how it reproduces the printed rate (`agreement`).
    Memoised: the table reader's consistency and every re-run of the rate rules ask
    about the same rows."""
    expected = done / target * 100
    return expected, agreement(expected, printed)


def exact_sum(values: Iterable[Fraction]) -> Fraction:
    """`sum(values, Fraction(0))` reduced once: the numerators brought to the
    denominators' least common multiple and added as integers, where `sum` builds and
    reduces a `Fraction` per term (the sum checks add thousands of cells a report, and
    again for each reading the misread guard tests). The same exact value."""
    nums: list[int] = []
    dens: list[int] = []
    for v in values:
        nums.append(v.numerator)
        dens.append(v.denominator)
    if not dens:
        return Fraction(0)
    den = math.lcm(*dens)
    return Fraction(sum([n * (den // d) for n, d in zip(nums, dens, strict=True)]), den)


def fmt(x: Fraction, decimals: int) -> str:
    """`x` rounded half-up to `decimals` places, as a report would print it."""
    scale = 10**decimals
    n = math.floor(abs(x) * scale + _HALF)
    sign = "-" if x < 0 and n else ""
    whole, frac = divmod(n, scale)
    return f"{sign}{whole}" + (f".{frac:0{decimals}d}" if decimals else "")


def fmt_like(x: Fraction, printed: Printed) -> str:
    """`x` at the printed precision, keeping a trailing % when the printed figure had one
    (as a ratio when the figure prints one)."""
    pct = "%" if printed.text.rstrip().endswith(("%", "％")) else ""
    return printed.shown(x) + pct


def plain(x: Fraction) -> str:
    """A count without spurious decimals: 12.5 → "12.5", 13 → "13"."""
    if x.denominator == 1:
        return str(x.numerator)
    return format(Decimal(x.numerator) / Decimal(x.denominator), "f").rstrip("0")


def transposed(a: str, b: str) -> bool:
    """True when `a` is `b` with two adjacent characters swapped (a classic typing slip)."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )
