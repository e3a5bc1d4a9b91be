"""Character classes built once while `warm()` compiles the models/ patterns (issue 10:
start-up).

CPython's `re` compiler turns every character class into a map of the characters it
holds (`re._compiler._optimize_charset`); a class with a Chinese character in it is
mapped over the whole 65,536-character plane, and a range such as 一-鿿 character by
character. `re` does this again in every pattern and in each pattern's prefix: the few
hundred patterns Pinggu compiles while warming repeat the same classes (the Chinese
numerals, 一-鿿, the full-width punctuation, `\\s`) a couple of thousand times, and
mapping them was a sixth of the command's start-up instructions.

`shared_charsets()` memoises that one function for the duration of a `with` block, by
its arguments. It is safe because the function is pure: its result depends on its
arguments only (the class's items, the case-folding functions and table the compiler
passes), so a memoised result is the one a fresh call returns, and the compiled code is
the same (tests/test_charsets.py compares every pattern's code with and without). The
original function is put back when the block ends, whatever happened, and nothing is
memoised when the running Python's function does not have the parameters this expects
(another version's compiler is left alone). No result outlives the block, and nothing is
stored on disk: two machines compile the same patterns the same way.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from re import _compiler  # type: ignore[attr-defined]
from typing import Any

_PARAMETERS = ["charset", "iscased", "fixup", "fixes"]
_lock = threading.RLock()  # a block may open another (warm() within warm())


def _expected(fn: Callable[..., Any]) -> bool:
    """Whether `fn` takes the parameters the memo keys on (CPython 3.11-3.13's)."""
    try:
        return list(inspect.signature(fn).parameters) == _PARAMETERS
    except (TypeError, ValueError):
        return False


@contextmanager
def shared_charsets() -> Iterator[None]:
    """Within the block, `re` maps each distinct character class once (module docstring)."""
    with _lock:
        original = getattr(_compiler, "_optimize_charset", None)
        if original is None or not callable(original) or not _expected(original):
            yield
            return
        memo: dict[tuple[Any, ...], Any] = {}

        def optimize(
            charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None
        ) -> Any:
            try:
                key = (tuple(charset), iscased, fixup, id(fixes) if fixes else None)
                hit = memo.get(key)
            except TypeError:  # an item that cannot be a key: not memoised
                return original(charset, iscased, fixup, fixes)
            if hit is None:
                hit = memo[key] = original(charset, iscased, fixup, fixes)
            return hit

        _compiler._optimize_charset = optimize
        try:
            yield
        finally:
            _compiler._optimize_charset = original
