"""What PDFium substitutes for fonts a PDF does not embed, while text is read.

PDFium asks the host for a face whenever a PDF names a font without embedding it, and
by default takes whatever the machine has installed. Text extraction must not depend on
that (see `fallback_font`): inside `metric_fonts()` every such request is answered with
the bundled one-box fallback face, so each mapped character has a glyph and the text
layer is the same on every machine. Outside it, requests go to PDFium's default handler,
so page images (the audit report) still draw real glyphs where the machine has them.

The handler is installed once per process and switched by a flag, rather than swapping
handlers: PDFium destroys a replaced handler and re-scans the font folders, and caches
faces by name (the fallback's name is its own, so the two never share a cache entry).
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import pypdfium2 as pdfium

from extractor.pdf.fallback_font import FAMILY, FONT_PATH

# Handles of the fallback face: small integers (charset + 1), never valid pointers, so
# they cannot collide with the default handler's heap handles.
_HANDLE_LIMIT = 1024
_TTCF = int.from_bytes(b"ttcf", "big")

_state = threading.local()


def _metric_mode() -> bool:
    return bool(getattr(_state, "metric", False))


@cache
def _font_bytes() -> bytes:
    return FONT_PATH.read_bytes()


def _ours(handle: Any) -> int | None:
    """The charset of one of our handles, or None for the default handler's."""
    value = handle if isinstance(handle, int) else getattr(handle, "value", None)
    if value is None and handle is not None:
        value = ctypes.cast(handle, ctypes.c_void_p).value
    if value is not None and 0 < value <= _HANDLE_LIMIT:
        return value - 1
    return None


class _SwitchedFonts(pdfium.PdfSysfontBase):  # type: ignore[misc]
    """PDFium's default font handler, except that in metric mode every face it would
    look up on the machine is the bundled fallback."""

    def MapFont(
        self, _: Any, weight: int, italic: int, charset: int, pitch: int, face: Any, exact: Any
    ) -> Any:
        if _metric_mode():
            return charset % _HANDLE_LIMIT + 1
        return self.default.MapFont(self.default, weight, italic, charset, pitch, face, exact)

    def GetFont(self, _: Any, face: Any) -> Any:
        if _metric_mode():
            return 1
        return self.default.GetFont(self.default, face)

    def GetFontData(self, _: Any, handle: Any, table: int, buffer: Any, size: int) -> int:
        if _ours(handle) is None:
            return int(self.default.GetFontData(self.default, handle, table, buffer, size))
        if table == _TTCF:
            return 0  # a plain TrueType file, not a collection
        if table != 0:
            return 0  # PDFium reads whole files only (table 0)
        data = _font_bytes()
        if buffer and size >= len(data):
            ctypes.memmove(buffer, data, len(data))
        return len(data)

    def GetFaceName(self, _: Any, handle: Any, buffer: Any, size: int) -> int:
        if _ours(handle) is None:
            return int(self.default.GetFaceName(self.default, handle, buffer, size))
        name = FAMILY.encode("ascii") + b"\0"
        if buffer and size >= len(name):
            ctypes.memmove(buffer, name, len(name))
        return len(name)

    def GetFontCharset(self, _: Any, handle: Any) -> int:
        charset = _ours(handle)
        if charset is None:
            return int(self.default.GetFontCharset(self.default, handle))
        return charset

    def DeleteFont(self, _: Any, handle: Any) -> None:
        if _ours(handle) is None:
            self.default.DeleteFont(self.default, handle)


_installed: _SwitchedFonts | None = None
_lock = threading.Lock()


def _install() -> None:
    global _installed
    with _lock:
        if _installed is None:
            handler = _SwitchedFonts()
            handler.setup()
            _installed = handler


@contextmanager
def metric_fonts() -> Iterator[None]:
    """Within this block, faces PDFium substitutes for non-embedded fonts are the
    fallback box face (documents opened here keep it until they are closed)."""
    _install()
    previous = _metric_mode()
    _state.metric = True
    try:
        yield
    finally:
        _state.metric = previous
