"""Errors Pinggu expects and can explain, kept apart from bugs.

Every `PingguError` is a problem with what the user gave us (a file that is not a PDF,
a password that is missing, a hostile PDF that hits a resource bound). Each carries a
one-line message naming the file, a `hint` saying what to do, and a distinct
`exit_code`; only the CLI turns them into output (see docs/errors.md). Any other
exception is a bug and exits with `EXIT_INTERNAL`.

The errors cross process boundaries (`extractor.pdf.guard` runs parsers in a child), so
they pickle by state rather than by re-running `__init__`.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from extractor.filenames import shown

EXIT_OK = 0
EXIT_FINDINGS = 1  # reserved for `pinggu check`: the report has error-level findings
EXIT_PARTIAL = 11  # a record was written but is incomplete (status "partial")
EXIT_UNREAD = 12  # a record was written but holds nothing of a report (status "failure")
EXIT_INTERNAL = 70  # a bug (sysexits EX_SOFTWARE): not a PingguError
EXIT_OUTPUT = 73  # the output cannot be written (sysexits EX_CANTCREAT)
EXIT_MODELS = 78  # a file in models/ is missing or malformed (sysexits EX_CONFIG)

# How bad an exit code is, for commands over several files: the worst file decides.
_RANK = {
    EXIT_OK: 0,
    EXIT_FINDINGS: 1,
    EXIT_PARTIAL: 2,
    EXIT_UNREAD: 3,
    EXIT_INTERNAL: 5,
    EXIT_MODELS: 5,  # a broken install or data edit fails every file alike: not the input
}
_INPUT_RANK = 4  # every other code: a file could not be read (its PingguError's code)


def combined_exit(codes: Iterable[int]) -> int:
    """One exit code for several files' outcomes: the worst one, in the order
    0 < 1 (error findings) < 11 (partial) < 12 (failure) < input errors < 70 (bug);
    files that failed with different input errors give 2."""
    worst, rank, inputs = EXIT_OK, 0, set()
    for code in codes:
        r = _RANK.get(code, _INPUT_RANK)
        if r == _INPUT_RANK:
            inputs.add(code)
        if r > rank:
            worst, rank = code, r
    if rank == _INPUT_RANK and len(inputs) > 1:
        return 2
    return worst


def _restore(cls: type[PingguError], args: tuple[Any, ...], state: dict[str, Any]) -> PingguError:
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(state)
    return exc


class PingguError(Exception):
    """Base of the errors the CLI reports as a message plus hint instead of a traceback."""

    exit_code: ClassVar[int] = 2
    hint: str = ""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), self.args, dict(self.__dict__)))


class InputError(PingguError):
    """The input file cannot be used; subclasses say why."""

    exit_code = 2
    summary: ClassVar[str] = "cannot be read as a report"
    default_hint: ClassVar[str] = "check that the path names a readable PDF file"

    def __init__(self, path: str | os.PathLike[str], detail: str = "") -> None:
        self.path = Path(path)
        self.detail = " ".join(detail.split())  # one line, whatever the cause text held
        self.hint = self._hint()
        super().__init__(self._message())

    def _summary(self) -> str:
        return self.summary

    def _hint(self) -> str:
        return self.default_hint

    def _message(self) -> str:
        message = f"{shown(self.path)}: {self._summary()}"
        return f"{message} ({self.detail})" if self.detail else message


class MissingFileError(InputError):
    """The path does not exist, is a directory, or cannot be opened."""

    summary = "file not found or not readable"
    default_hint = "check the path and the file's permissions"


class NotAPdfError(InputError):
    exit_code = 3
    summary = "not a PDF (no %PDF- header in the first 1024 bytes)"
    default_hint = "Pinggu reads PDF files only; check the file type, e.g. with `file`"


class EmptyFileError(InputError):
    exit_code = 3
    summary = "file is empty (0 bytes)"
    default_hint = "the download or copy probably failed; fetch the file again"


class CorruptPdfError(InputError):
    exit_code = 4
    summary = "PDF is corrupt or truncated"
    default_hint = "fetch or export the file again; an interrupted download is the usual cause"


class EncryptedPdfError(InputError):
    """Needs a password, or the given one is wrong."""

    exit_code = 5
    summary = "PDF is encrypted and needs a password"
    default_hint = "pass the document's password with --password"

    def __init__(
        self, path: str | os.PathLike[str], detail: str = "", *, wrong_password: bool = False
    ) -> None:
        self.wrong_password = wrong_password
        super().__init__(path, detail)

    def _summary(self) -> str:
        if self.wrong_password:
            return "PDF is encrypted and the password given does not open it"
        return self.summary


class NoTextLayerError(InputError):
    exit_code = 6
    summary = "PDF has no text layer (image-only or scanned pages)"
    default_hint = (
        "install OCR with `pip install 'pinggu[ocr]'` (then on by default; slower), or "
        "use --ocr --ocr-engine tesseract"
    )


class UnusableTextLayerError(NoTextLayerError):
    """The PDF has text, but most of it decodes to garbage (mojibake): private-use or
    unmapped codes, control characters, letters of unrelated scripts."""

    summary = "PDF has no usable text layer: most of its text decodes to garbage (mojibake)"
    default_hint = "run with --ocr to recognise the page images instead (much slower)"


class ParseTimeoutError(InputError):
    exit_code = 7

    def __init__(self, path: str | os.PathLike[str], timeout_s: float, detail: str = "") -> None:
        self.timeout_s = timeout_s
        super().__init__(path, detail)

    def _summary(self) -> str:
        return f"parsing exceeded the time bound of {self.timeout_s:g} s"

    def _hint(self) -> str:
        return "raise the bound with --timeout SECONDS if the file is merely large"


class ParseMemoryError(InputError):
    exit_code = 8

    def __init__(self, path: str | os.PathLike[str], max_memory_mb: int, detail: str = "") -> None:
        self.max_memory_mb = max_memory_mb
        super().__init__(path, detail)

    def _summary(self) -> str:
        return f"parsing exceeded the memory bound of {self.max_memory_mb} MB"

    def _hint(self) -> str:
        return (
            "raise the bound with --max-memory MB if the file is merely large; "
            "a small file that needs this much is likely a decompression bomb"
        )


class WorkerCrashError(InputError):
    """The process parsing the file died without an answer, twice (the second time
    alone): a crash in a native library on this file, or the system killing it."""

    exit_code = 71  # sysexits EX_OSERR: the operating system ended the process
    summary = "the parser process died without an answer, twice"
    default_hint = (
        "if it was SIGKILL the system may have run out of memory (see `dmesg`): lower "
        "--max-memory below the free memory or use fewer --workers; otherwise report it "
        "with the file"
    )


class StoreError(PingguError):
    """The SQLite store cannot be used: not a Pinggu store, a newer version, locked."""

    exit_code = 2

    def __init__(self, path: str | os.PathLike[str], detail: str, hint: str) -> None:
        self.path = Path(path)
        self.detail = " ".join(detail.split())
        self.hint = hint
        super().__init__(f"{shown(self.path)}: {self.detail}")


class OutputError(PingguError):
    """The output path cannot be written (a missing parent that cannot be created, a
    read-only folder or file, a full disk); checked before parsing where possible."""

    exit_code = EXIT_OUTPUT

    def __init__(self, path: str | os.PathLike[str], detail: str = "") -> None:
        self.path = Path(path)
        self.detail = " ".join(detail.split())
        self.hint = "choose another -o path, or fix the folder's permissions"
        message = f"{shown(self.path)}: cannot write the output"
        super().__init__(f"{message} ({self.detail})" if self.detail else message)


class OcrUnavailableError(PingguError):
    """--ocr was asked for but Tesseract or its Chinese language data is not installed."""

    exit_code = 9
    packages: ClassVar[str] = "tesseract-ocr tesseract-ocr-chi-sim"

    def __init__(self, detail: str = "") -> None:
        self.detail = " ".join(detail.split())
        self.hint = (
            f"install Tesseract and its Chinese data, e.g. `apt-get install {self.packages}`"
        )
        message = f"OCR needs Tesseract with Chinese data (Debian packages {self.packages})"
        super().__init__(f"{message}: {self.detail}" if self.detail else message)


class MissingDependencyError(PingguError):
    """An optional feature was asked for but its extra is not installed."""

    exit_code = 10

    def __init__(self, feature: str, extra: str, detail: str = "") -> None:
        self.feature = feature
        self.extra = extra
        self.detail = " ".join(detail.split())
        self.hint = f"pip install 'pinggu[{extra}]'"
        message = f"{feature} needs the optional dependency group `{extra}`, not installed"
        super().__init__(f"{message} ({self.detail})" if self.detail else message)


class ModelDataError(PingguError):
    """A file of the domain data in models/ is missing or malformed. `problems` lists
    every problem found in it, so an edit is fixed in one round, not one line at a time."""

    exit_code = EXIT_MODELS

    def __init__(self, path: str | os.PathLike[str], problems: Iterable[str]) -> None:
        self.path = Path(path)
        self.problems = [" ".join(p.split()) for p in problems] or ["invalid"]
        self.hint = (
            "fix the file (every problem is listed); to use another copy of the data set "
            "PINGGU_MODELS to its models/ folder; if you did not edit it, reinstall pinggu"
        )
        n = len(self.problems)
        super().__init__(
            f"{shown(self.path)}: {n} problem{'s' if n > 1 else ''} in the domain data: "
            + "; ".join(self.problems)
        )


class InternalError(Exception):
    """A bug (any exception that is not a `PingguError`), wrapped so that the CLI prints
    it as one line naming the file and exits `EXIT_INTERNAL`, like every other outcome.

    Not a `PingguError`: those are problems with the input. The traceback text is kept
    (`traceback`) for `PINGGU_DEBUG=1` and for bug reports, never printed by default.
    """

    exit_code: ClassVar[int] = EXIT_INTERNAL
    hint = "a bug in Pinggu: please report it with the file (PINGGU_DEBUG=1 prints the traceback)"

    def __init__(
        self, detail: str, path: str | os.PathLike[str] | None = None, traceback: str = ""
    ):
        self.path = Path(path) if path is not None else None
        self.detail = " ".join(detail.split())
        self.traceback = traceback
        where = f"{self.path}: " if self.path is not None else ""
        super().__init__(f"{where}internal error ({self.detail})")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore_internal, (self.args, dict(self.__dict__)))

    @classmethod
    def wrap(cls, exc: BaseException, path: str | os.PathLike[str] | None = None) -> InternalError:
        """The one-line form of `exc`: its type, message and innermost frame.

        A parser child's failure arrives as a RuntimeError carrying the child's
        traceback text; its last line is the real exception, reported instead."""
        import traceback as tb

        if isinstance(exc, InternalError):
            return exc
        text = "".join(tb.format_exception(exc))
        detail = f"{type(exc).__name__}: {exc}"
        child = str(exc)
        if isinstance(exc, RuntimeError) and "Traceback (most recent call last)" in child:
            lines = [ln for ln in child.splitlines() if ln.strip()]
            frames = [ln.strip() for ln in lines if ln.lstrip().startswith('File "')]
            detail = lines[-1].strip()
            if frames:
                detail += f" at {_frame(frames[-1])}"
            text = child
        else:
            frames_ = tb.extract_tb(exc.__traceback__)
            if frames_:
                last = frames_[-1]
                detail += f" at {_short(last.filename)}:{last.lineno}"
        return cls(detail, path, text)


def _restore_internal(args: tuple[Any, ...], state: dict[str, Any]) -> InternalError:
    exc = InternalError.__new__(InternalError)
    exc.args = args
    exc.__dict__.update(state)
    return exc


def _short(filename: str) -> str:
    """`…/extractor/document/blocks.py` → `extractor/document/blocks.py`."""
    parts = Path(filename).parts
    for anchor in ("extractor", "site-packages"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[i + (anchor == "site-packages") :])
    return Path(filename).name


def _frame(line: str) -> str:
    """`File "/x/extractor/a.py", line 3, in f` → `extractor/a.py:3`."""
    try:
        name = line.split('"')[1]
        number = line.split(", line ")[1].split(",")[0]
    except IndexError:
        return line
    return f"{_short(name)}:{number}"


def printable(text: str) -> str:
    """`text` with control and format characters escaped (`\\n`, `\\x1b`, `\\u202e`), so a
    file name or PDF string cannot break a one-line message or drive the terminal."""
    out: list[str] = []
    for ch in text:
        if unicodedata.category(ch) not in _UNPRINTABLE:
            out.append(ch)
        elif ch in _NAMED:
            out.append(_NAMED[ch])
        else:
            code = ord(ch)
            if 0xDC80 <= code <= 0xDCFF:  # a file name byte that is not UTF-8 (surrogateescape)
                code -= 0xDC00
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)


# Unicode categories that must not reach a terminal raw: controls (C0/C1, ESC, BEL),
# format characters (bidi overrides, zero-width), surrogates, line/paragraph separators.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


class OcrDeferredError(PingguError):
    """Not an error the user sees: a parse run within the text-layer time bound found
    pages to recognise, so `pipeline` runs it again with time for OCR added per page.
    Should it ever escape, it means what NoTextLayerError means: the file needs OCR."""

    exit_code = 6

    def __init__(self, pages: int) -> None:
        self.pages = pages
        super().__init__(f"{pages} page(s) need OCR")
