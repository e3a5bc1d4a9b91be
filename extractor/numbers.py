"""Pure helpers for figures as PDFs print them: full-width digits, stray spaces, 中文数字.

`normalise_with_map` is the one place that rewrites text for the figure finder; it keeps
a map back to the original offsets because every figure must point at the page text it
came from (provenance → bbox).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

# Full-width forms that carry a figure's meaning; CJK punctuation such as ，（）is kept,
# because it separates list items ("100.00%，223.60%") and is not part of a number.
_HALF_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {
    "％": "%",
    "．": ".",
    "\u3000": " ",
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
}


def to_decimal(s: str) -> Decimal:
    """Exact value of an Arabic number as printed ("1,413", "5，602", "１２３．５", "1 413")."""
    if s.isascii() and s.replace(".", "", 1).isdigit():
        return Decimal(s)  # the common case, and the hot path of the figure finder
    cleaned = "".join(_HALF_WIDTH.get(c, c) for c in s)
    cleaned = "".join(c for c in cleaned if not c.isspace() and c not in ",，")
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {s!r}") from exc


def parse_number(s: str) -> float:
    """Value of an Arabic number as printed: full-width digits, spaces and commas allowed."""
    return float(to_decimal(s))


def chinese_numeral(s: str) -> int:
    """Value of a Chinese numeral: 两 → 2, 十 → 10, 二十三 → 23, 一百零五 → 105, 三万 → 30000."""
    s = s.strip()
    if not s:
        raise ValueError("empty Chinese numeral")
    total = 0  # completed 万/亿 sections
    section = 0  # current section below 万
    digit: int | None = None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            # "十" alone means 10: an omitted leading digit is 1
            section += (1 if digit is None else digit) * _CN_SMALL_UNITS[ch]
            digit = None
        elif ch in _CN_BIG_UNITS:
            section += digit or 0
            total += (section or 1) * _CN_BIG_UNITS[ch]
            section, digit = 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + section + (digit or 0)


def chinese_digits(s: str) -> int:
    """Value of a number written digit by digit in Chinese numerals, as years are:
    二〇二五 → 2025, 二零二四 → 2024 (○, the white circle, often stands for 〇)."""
    digits = [_CN_DIGITS.get("〇" if ch == "○" else ch) for ch in s.strip()]
    if not digits or any(d is None for d in digits):
        raise ValueError(f"not Chinese digits: {s!r}")
    return int("".join(str(d) for d in digits))


def _is_cjk(c: str) -> bool:
    """Ideographs and CJK punctuation: characters between which a PDF's spaces mean nothing."""
    if not c:
        return False
    o = ord(c)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or c in "“”‘’—…·"
    )


@dataclass(frozen=True)
class Normalised:
    """Normalised text plus, for each of its characters, the offset in the original."""

    text: str
    origin: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalised span [start, end)."""
        if end <= start:
            o = self.origin[start]
            return o, o
        return self.origin[start], self.origin[end - 1] + 1


def normalise_with_map(text: str) -> Normalised:
    """Half-width digits/%/., drop whitespace that touches CJK text, keep a back-map.

    Whitespace (line wraps included) between two CJK characters, or between a digit and a
    CJK character, is an artefact of PDF layout ("2024 年 10月", "1586\\n\\n个", "个\\n\\n案").
    Whitespace between two non-CJK characters ("10 10 100.00%", a table row) separates
    values and is kept, collapsed to one space so numbers never merge.

    Characters are mapped one for one by `str.translate` and whitespace runs found by a
    regex, so the Python-level work is per run of whitespace, not per character.
    """
    half = text.translate(_HALF_TABLE)  # whitespace and CJK-ness are judged on these
    full = half.translate(_NFKC_TABLE)  # what is kept
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for run in _SPACES.finditer(half):
        i, j = run.span()
        out.append(full[pos:i])
        origin.extend(range(pos, i))
        # Runs are maximal, so the character before one (if any) is kept text.
        prev = full[i - 1] if i else ""
        nxt = half[j] if j < len(half) else ""
        if prev and nxt and not (_is_cjk(prev) or _is_cjk(nxt)):
            out.append("\n" if "\n" in half[i:j] else " ")
            origin.append(i)
        pos = j
    out.append(full[pos:])
    origin.extend(range(pos, len(text)))
    origin.append(len(text))
    return Normalised("".join(out), tuple(origin))


# `_HALF_WIDTH` as a translation table, and the full-width letters and digits' NFKC
# forms (one ASCII character each); `_SPACES` matches what `str.isspace` accepts.
_HALF_TABLE = str.maketrans(_HALF_WIDTH)
_NFKC_TABLE = str.maketrans(
    {c: unicodedata.normalize("NFKC", c) for c in map(chr, range(0xFF01, 0xFF5F)) if c.isalnum()}
)
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text as the figure finder sees it (see `normalise_with_map`)."""
    return normalise_with_map(text).text
