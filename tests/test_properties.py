"""Property tests (Hypothesis) of the pure helpers everything else trusts: the
normalised-text offset map (provenance of every figure), printed-precision intervals
(every percentage check), and 片区 keys (every area comparison)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extractor.areas import area_key
from extractor.numbers import (
    _HALF_WIDTH,
    Normalised,
    _is_cjk,
    chinese_numeral,
    normalise,
    normalise_with_map,
)
from extractor.printed import Printed, _agreement, agreement, exact_sum, fmt, parse_printed

# Text as PDFs give it: CJK, half- and full-width digits, %, ．, layout spaces and wraps.
PIECES = st.sampled_from(
    list("年月个名社工片区完成，。；（）")
    + list("0123456789.%,/-ab")
    + ["１", "２", "％", "．", " ", "  ", "\n", "\n\n", "\u3000", "\u00a0", "人次"]
    + ["Ａ", "ｚ", "＃", "\t", "\u2003", "\u2028", "\x1c", "①", "Ⅻ"]
)
TEXT = st.lists(PIECES, max_size=40).map("".join)


def _squash(text: str) -> str:
    return "".join(text.split())


def _fold(text: str) -> str:
    """Full-width forms folded, whitespace dropped: what normalising may change."""
    return _squash(unicodedata.normalize("NFKC", text))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_offset_map_points_back_into_the_original(text: str) -> None:
    n = normalise_with_map(text)
    assert len(n.origin) == len(n.text) + 1 and n.origin[-1] == len(text)
    assert list(n.origin[:-1]) == sorted(set(n.origin[:-1]))  # strictly increasing
    for i, ch in enumerate(n.text):
        src = text[n.origin[i]]
        assert ch == src or _fold(ch) == _fold(src) or (ch.isspace() and src.isspace())


@settings(max_examples=400, deadline=None)
@given(TEXT, st.data())
def test_a_normalised_span_maps_to_the_original_text_it_came_from(
    text: str, data: st.DataObject
) -> None:
    n = normalise_with_map(text)
    start = data.draw(st.integers(0, len(n.text)))
    end = data.draw(st.integers(start, len(n.text)))
    a, b = n.to_original(start, end)
    assert 0 <= a <= b <= len(text)
    assert _fold(text[a:b]) == _fold(n.text[start:end])


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalising_twice_changes_nothing(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


def _per_character(text: str) -> Normalised:
    """`normalise_with_map` as it was written first, one character at a time."""
    chars = [_HALF_WIDTH.get(c, c) for c in text]
    out: list[str] = []
    origin: list[int] = []
    i, n = 0, len(chars)
    while i < n:
        c = chars[i]
        if not c.isspace():
            fw = "\uff01" <= c <= "\uff5e" and c.isalnum()
            out.append(unicodedata.normalize("NFKC", c) if fw else c)
            origin.append(i)
            i += 1
            continue
        j = i
        while j < n and chars[j].isspace():
            j += 1
        prev = out[-1] if out else ""
        nxt = chars[j] if j < n else ""
        if prev and nxt and not (_is_cjk(prev) or _is_cjk(nxt)):
            out.append("\n" if "\n" in chars[i:j] else " ")
            origin.append(i)
        i = j
    origin.append(len(text))
    return Normalised("".join(out), tuple(origin))


@settings(max_examples=1000, deadline=None)
@given(st.one_of(TEXT, st.text(max_size=30)))
def test_normalising_by_runs_as_by_characters(text: str) -> None:
    assert normalise_with_map(text) == _per_character(text)


# --- printed precision ---------------------------------------------------------------------

DECIMALS = st.integers(0, 4)
PRINTED = st.builds(
    lambda whole, frac, d: (f"{whole}.{frac:0{d}d}" if d else str(whole), d),
    st.integers(0, 99999),
    st.integers(0, 9999),
    DECIMALS,
).filter(lambda p: p[1] == 0 or len(p[0].split(".")[1]) == p[1])


@settings(max_examples=400, deadline=None)
@given(PRINTED, st.booleans())
def test_printed_digits_read_exactly(printed: tuple[str, int], pct: bool) -> None:
    text, decimals = printed
    p = parse_printed(text + ("%" if pct else ""))
    assert p is not None and p.decimals == decimals
    assert p.value == Fraction(Decimal(text))
    assert fmt(p.value, decimals) == str(Decimal(text))


@settings(max_examples=400, deadline=None)
@given(PRINTED, st.fractions(min_value=-1, max_value=1))
def test_every_value_in_the_half_up_interval_agrees(printed: tuple[str, int], t: Fraction) -> None:
    """x in [v − step/2, v + step/2) rounds to the printed digits; x further than a step
    away never agrees (rounding and truncation both fail)."""
    p = parse_printed(printed[0])
    assert p is not None
    half = p.step / 2
    inside = p.value + t * half
    assume(inside < p.value + half)
    assert agreement(inside, p) in ("exact", "round")
    outside = p.value + p.step * (2 + abs(t)) * (1 if t >= 0 else -1)
    assert agreement(outside, p) is None


@settings(max_examples=300, deadline=None)
@given(st.fractions(min_value=0, max_value=100000, max_denominator=10**6), DECIMALS)
def test_printing_a_value_stays_within_half_a_step(x: Fraction, decimals: int) -> None:
    p = parse_printed(fmt(x, decimals))
    assert p is not None and abs(p.value - x) <= p.step / 2
    assert agreement(x, p) is not None


@settings(max_examples=500, deadline=None)
@given(
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(min_value=0, max_value=4),
    st.sampled_from([0, 2]),
    st.fractions(min_value=-3, max_value=3, max_denominator=2000),
)
def test_agreement_in_integers_is_the_fraction_arithmetic(
    digits: int, decimals: int, scale: int, offset: Fraction
) -> None:
    """`agreement` works on unreduced numerators and denominators: for any value near a
    printed figure (half-way points included) it answers as the Fraction arithmetic."""
    p = Printed(Fraction(digits, 10**decimals) * 10**scale, decimals, "x", scale)
    for x in (p.value + offset * p.step, p.value + p.step * offset.numerator / 2):
        assert agreement(x, p) == _agreement(x, p)


@given(st.lists(st.fractions(max_denominator=10**6) | st.integers(-(10**9), 10**9), max_size=30))
def test_exact_sum_is_the_fraction_sum(values: list[Fraction | int]) -> None:
    """`exact_sum` (one reduction over the common denominator) gives `sum`'s Fraction,
    integers among the terms and the empty sum included."""
    got = exact_sum(Fraction(v) for v in values)
    assert type(got) is Fraction
    assert got == sum(values, Fraction(0))


# --- 片区 keys ---------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def cn(n: int) -> str:
    """1..99 as a Chinese numeral: 十, 十一, 二十三."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


@given(st.integers(1, 99))
def test_numbered_areas_share_one_key(n: int) -> None:
    assert chinese_numeral(cn(n)) == n
    spellings = [f"{cn(n)}片区", f"片区{cn(n)}", f"第{cn(n)}片区", f"片区{n}", f"{n}片区"]
    assert {area_key(s) for s in spellings} == {f"片区{n}"}
    assert area_key(f" 第 {cn(n)} 片区 ") == f"片区{n}"  # layout spaces do not matter


@given(st.text(alphabet=st.sampled_from(list("增埗东南西北片区合计总社工点一二三 ")), max_size=8))
def test_area_key_is_idempotent(label: str) -> None:
    assert area_key(area_key(label)) == area_key(label)
