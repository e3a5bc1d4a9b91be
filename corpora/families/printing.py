"""How figures are printed: rates with or without %, to one or two decimals, rounded or
truncated; counts with thousands separators, full-width digits or Chinese numerals.

Every family chooses its own habits; the gold keeps the printed string and the value
parsed back from it, so a figure is always compared as the reader sees it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
CN_DIGITS = "零一二三四五六七八九"
# What some templates print around a figure inside a table cell: its unit (128人次, 12节)
# and a remark in brackets after a rate (112.50%（超额）), brackets made ASCII by NFKC;
# and a note marker after a figure (128*, 36△) that a 注 under the table explains.
DECORATION = re.compile(r"^(.*?\d%?)\s*(?:人次|小时|节|个|户|场|名|次|人)?(?:\([^()]*\))?[*△]?$")
# A rate above 100% printed as counted, capped, with the actual rate in brackets
# (100%（实际126.32%）): the figure the rate is — done ÷ target — is the bracketed one.
CAPPED = re.compile(r"^\d+(?:\.\d+)?%\(实际(\d+(?:\.\d+)?%)\)$")


@dataclass(frozen=True)
class RateStyle:
    """A completion rate as a family prints it: 173.40% / 173.40 / 137.1% / 96.2%."""

    decimals: int = 2
    sign: bool = True
    truncate: bool = False  # 96.25 → 96.2 (cut) rather than 96.3 (rounded)
    # a decimal ratio (1.08 for 108%): `decimals` of the ratio, no sign; the gold's
    # value is still the percentage (108.0), `printed` the ratio as printed
    ratio: bool = False
    # the percent sign as typed: "%" or the full-width "％" of a Chinese input method
    mark: str = "%"

    def exact(self, done: int, target: int) -> Decimal:
        return Decimal(done) * 100 / Decimal(target)

    def format(self, done: int | Decimal, target: int | Decimal) -> str:
        return self.show(Decimal(done) * 100 / Decimal(target))

    def show(self, value: Decimal) -> str:
        if self.ratio:
            value /= 100
        step = Decimal(1).scaleb(-self.decimals)
        q = value.quantize(step, ROUND_DOWN if self.truncate else ROUND_HALF_UP)
        return f"{q}{self.mark}" if self.sign and not self.ratio else f"{q}"


@dataclass(frozen=True)
class CountStyle:
    thousands: bool = False  # 1,734

    def format(self, n: int) -> str:
        return f"{n:,}" if self.thousands else str(n)


def half(value: Decimal) -> str:
    """A person-month count as printed: 138, 138.5 (never 138.0)."""
    return f"{value.normalize():f}" if value != value.to_integral() else f"{int(value)}"


def full_width(text: str) -> str:
    """２１０ for 210: some Word templates type figures with a full-width input method."""
    return text.translate(FULL_WIDTH)


def cn_numeral(n: int, liang: bool = False) -> str:
    """1..99 in Chinese numerals (十二, 二十三); `liang` writes a lone 2 as 两 (两名)."""
    if not 0 < n < 100:
        raise ValueError(n)
    if n == 2 and liang:
        return "两"
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def parse_cn(text: str) -> int:
    """The inverse of `cn_numeral`."""
    if text == "两":
        return 2
    if "十" not in text:
        return CN_DIGITS.index(text)
    head, _, tail = text.partition("十")
    return (CN_DIGITS.index(head) if head else 1) * 10 + (CN_DIGITS.index(tail) if tail else 0)


def bare(printed: str) -> str:
    """A printed figure without the unit or bracketed remark a cell may add."""
    s = unicodedata.normalize("NFKC", printed).strip()
    if capped := CAPPED.match(s):
        return capped.group(1)
    m = DECORATION.match(s)
    return m.group(1) if m else s


def value_of(printed: str) -> float | None:
    """The number a printed figure stands for; None for "/" or "—" (not applicable)."""
    s = bare(printed).rstrip("%").replace(",", "")
    if not s or s in ("/", "—", "-", "——"):
        return None
    if all(ch in CN_DIGITS + "十两" for ch in s):
        return float(parse_cn(s))
    return float(s)


def within_printed(printed: str, exact: Decimal) -> bool:
    """Whether a printed rate is `exact` rounded or truncated to its printed decimals."""
    body = bare(printed).rstrip("%")
    decimals = len(body.split(".")[1]) if "." in body else 0
    step = Decimal(1).scaleb(-decimals)
    shown = Decimal(body)
    return shown in (exact.quantize(step, ROUND_HALF_UP), exact.quantize(step, ROUND_DOWN))
