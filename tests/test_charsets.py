"""extractor/knowledge/charsets.py: `re` compiles the same code with the character classes
memoised, and the compiler is left as it was."""

from __future__ import annotations

import re
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from extractor import pipeline
from extractor.knowledge.charsets import shared_charsets


def _code(pattern: str | bytes, flags: int) -> list[int]:
    code: list[int] = _compiler._code(_parser.parse(pattern, flags), flags)
    return code


def test_every_warmed_pattern_compiles_to_the_same_code() -> None:
    """Each pattern `warm()` leaves in `re`'s cache (the models/ patterns, the modules',
    spaCy's), compiled again with and without the memo: the same code, instruction for
    instruction; compiled twice within one block (memo hits) as well."""
    pipeline.warm()
    keys = [k for k in list(re._cache) if isinstance(k[1], str | bytes)]  # type: ignore[attr-defined]
    assert len(keys) > 200
    plain = [_code(k[1], k[2]) for k in keys]
    with shared_charsets():
        first = [_code(k[1], k[2]) for k in keys]
        again = [_code(k[1], k[2]) for k in keys]
    assert first == plain and again == plain


def test_the_compiler_is_restored_after_the_block_even_on_error() -> None:
    original = _compiler._optimize_charset
    try:
        with shared_charsets():
            assert _compiler._optimize_charset is not original
            re.compile("[一二三四五六七八九十]+x")
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert _compiler._optimize_charset is original


def test_an_unexpected_compiler_is_left_alone(monkeypatch: Any) -> None:
    def other(charset: Any, flags: Any) -> Any:  # another Python's signature
        raise AssertionError("not called here")

    monkeypatch.setattr(_compiler, "_optimize_charset", other)
    with shared_charsets():
        assert _compiler._optimize_charset is other
    assert _compiler._optimize_charset is other
