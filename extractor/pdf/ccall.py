"""PDFium's C functions called with their arguments unconverted (`read_page`'s per-glyph
calls, `read_rules`' per-segment calls): ctypes builds no argument object per call."""

from __future__ import annotations

import ctypes
from typing import Any


def unconverted(fn: Any, restype: Any) -> Any:
    """`fn` called with its arguments passed as they are, converted by no argtypes: an
    int as a C int, a `ctypes.byref` or `from_param` argument as what it holds. ctypes
    then builds no argument object per call (the text page, an index, two out-pointers:
    a call in half the time; `read_page` makes two or three per glyph). Callers pass
    every pointer as an `address` or a `byref`, every float as a c_float's argument."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(fn, ctypes.c_void_p).value or 0)


def address(value: int) -> Any:
    """The pointer `value` as an argument of an `unconverted` function."""
    return ctypes.c_void_p.from_param(value)
