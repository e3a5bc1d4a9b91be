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
from pathlib import Path
from typing import Any, ClassVar

from extractor.filenames import shown

EXIT_OK = 0
EXIT_FINDINGS = 1  # reserved for `pinggu check`: the report has error-level findings
EXIT_INTERNAL = 70  # a bug (sysexits EX_SOFTWARE): not a PingguError


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
    default_hint = "run with --ocr to recognise the page images (much slower)"


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
