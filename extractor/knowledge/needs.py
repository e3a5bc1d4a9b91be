"""What a regex needs printed: the strings one of which every match of a pattern
contains, read from the pattern's parse tree, so that a search over many texts skips,
without running the pattern, a text holding none of them (issue 10: the block searches
of the passes, the figure patterns). A pure function of the pattern."""

from __future__ import annotations

import importlib
import re
from typing import Any

# `re`'s parser (no stubs): what a pattern must print, read from its parse tree
_PARSER: Any = importlib.import_module("re._parser")
_REPEATS = (_PARSER.MAX_REPEAT, _PARSER.MIN_REPEAT, _PARSER.POSSESSIVE_REPEAT)


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
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _PARSER.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - it compiled
        return None
    got = _seq_needs(list(tree))
    return tuple(sorted(got)) if got else None


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
