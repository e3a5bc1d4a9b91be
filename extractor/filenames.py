"""File names as text that can always be printed, stored and serialised.

POSIX file names are bytes. Python decodes the ones that are not UTF-8 (GBK names from
a zip made on Windows, say) with `surrogateescape`, and such a `str` cannot be written
to SQLite, JSON or a UTF-8 terminal: each of those raises `UnicodeEncodeError`. Every
place that shows or stores a file name goes through `shown` (readable, `\\xNN` for each
byte that is not UTF-8) and keys files by `raw` (the exact bytes, lossless).
"""

from __future__ import annotations

import os

PathLike = str | bytes | os.PathLike[str] | os.PathLike[bytes]


def raw(path: PathLike) -> bytes:
    """The file name's exact bytes, as the operating system has them."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that `surrogateescape` did not make
        return os.fspath(path).encode("utf-8", "surrogatepass")  # type: ignore[union-attr]


def shown(path: PathLike) -> str:
    """The name as printable text: unchanged when it is UTF-8, otherwise each byte that
    is not part of a UTF-8 character written as `\\xNN` (lossy only for display: a
    name that really contains `\\xNN` looks the same; `raw` tells them apart)."""
    return raw(path).decode("utf-8", "backslashreplace")


def is_utf8(path: PathLike) -> bool:
    try:
        raw(path).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def safe_text(text: str) -> str:
    """Any text as valid UTF-8: messages that quote a file name inherit its escapes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return shown(text)
    return text
