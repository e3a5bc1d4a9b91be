"""What a regex needs printed: the strings one of which every match of a pattern
contains, read from the pattern's parse tree, so that a search over many texts skips,
without running the pattern, a text holding none of them (issue 10: the block searches
of the passes, the figure patterns). A pure function of the pattern."""

from __future__ import annotations

import importlib
import re
from typing import Any

# `re`'s parser (private, no stubs; Python 3.11–3.13 have it): what a pattern must print,
# read from its parse tree. A Python whose parser is not there or not shaped as expected
# gets no filter (`needed` says None: every search runs its pattern), never a wrong one:
# `_trusted` checks the reading on known patterns once.
try:
    _PARSER: Any = importlib.import_module("re._parser")
    _REPEATS = (_PARSER.MAX_REPEAT, _PARSER.MIN_REPEAT, _PARSER.POSSESSIVE_REPEAT)
except (ImportError, AttributeError):  # pragma: no cover - another Python's re
    _PARSER = None


# per pattern (by identity: a compiled pattern hashes its whole code), the pattern
# itself, kept alive with its key, and what it needs; bounded, for patterns built per
# report (a name escaped), which are looked up by a later report only if they are `re`'s
# own cached object again
_NEEDED: dict[int, tuple[re.Pattern[str], tuple[str, ...] | None]] = {}


def needed(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    got = _NEEDED.get(id(pattern))
    if got is None:
        if len(_NEEDED) >= 4096:
            _NEEDED.clear()
        got = _NEEDED[id(pattern)] = (pattern, _needed(pattern))
    return got[1]


def _needed(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains (None: no such set is
    known), read from the pattern itself: a run of literal characters, a class of a few
    literal characters, a group or a repeat of at least one, or the alternatives of a
    branch each of which needs one, at the top level. A text holding none of them has no
    match, so a search skips it without running the pattern (the same hits: a
    pure function of the pattern, which comes from models/). Case-folding patterns are
    left alone."""
    if pattern.flags & re.IGNORECASE or not _trusted():
        return None
    return _read(pattern)


def _read(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    try:
        got = _seq_needs(list(_PARSER.parse(pattern.pattern, pattern.flags)))
    except (re.error, RecursionError, AttributeError, TypeError, ValueError):
        return None  # pragma: no cover - it compiled; another Python's parse tree
    return tuple(sorted(got)) if got else None


_TRUST: list[bool] = []


def _trusted() -> bool:
    """Whether this Python's parser reads as expected: known patterns give known needs
    (checked once; a parser shaped otherwise turns the filter off, not wrong)."""
    if not _TRUST:
        known = {
            r"完成率\d+": ("完成率",),
            r"(?:优秀|良好)\d": ("优秀", "良好"),
            r"\d+[%％]": ("%", "％"),
            r"\d+|合计": None,
        }
        _TRUST.append(
            _PARSER is not None and all(_read(re.compile(p)) == n for p, n in known.items())
        )
    return _TRUST[0]


def _seq_needs(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """A sequence needs what any one of its items needs (consecutive literals as one
    string): the most telling such set, its shortest string longest, then fewest."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _PARSER.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        got = _item_needs(op, av)
        if got:
            options.append(got)
    if run:
        options.append(frozenset({"".join(run)}))
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _item_needs(op: Any, av: Any) -> frozenset[str] | None:
    if op is _PARSER.SUBPATTERN:
        _, add_flags, _, sub = av
        return None if add_flags & re.IGNORECASE else _seq_needs(list(sub))
    if op is _PARSER.ATOMIC_GROUP:
        return _seq_needs(list(av))
    if op in _REPEATS:
        low, _, sub = av
        return _seq_needs(list(sub)) if low >= 1 else None
    if op is _PARSER.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            got = _seq_needs(list(alternative))
            if not got:
                return None
            union |= got
        return frozenset(union)
    if op is _PARSER.IN and len(av) <= 8 and all(o is _PARSER.LITERAL for o, _ in av):
        return frozenset(chr(v) for _, v in av)
    return None


def holds(text: str, strings: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `strings` (`needed`'s)."""
    for s in strings:
        if s in text:
            return True
    return False
