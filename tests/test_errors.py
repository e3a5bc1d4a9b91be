"""The error hierarchy: documented exit codes, one-line messages, pickling across processes."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from extractor import errors
from extractor.errors import (
    CorruptPdfError,
    EmptyFileError,
    EncryptedPdfError,
    InputError,
    MissingFileError,
    NotAPdfError,
    NoTextLayerError,
    ParseMemoryError,
    ParseTimeoutError,
    PingguError,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "errors.md"

SAMPLES: list[InputError] = [
    InputError("a.pdf", "odd"),
    MissingFileError("a.pdf", "no such file"),
    NotAPdfError("a.pdf"),
    EmptyFileError("a.pdf"),
    CorruptPdfError("a.pdf", "PDFium: Data format error"),
    EncryptedPdfError("a.pdf", wrong_password=True),
    NoTextLayerError("a.pdf"),
    ParseTimeoutError("a.pdf", 2.5),
    ParseMemoryError("a.pdf", 512, "parser process died from SIGABRT"),
]


def _all_subclasses(cls: type[PingguError]) -> set[type[PingguError]]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _all_subclasses(sub)
    return found


def _documented_codes() -> dict[str, int]:
    codes: dict[str, int] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        row = re.match(r"\|\s*(\d+)\s*\|([^|]*)\|", line)
        if row:
            for name in re.findall(r"`(\w+)`", row.group(2)):
                codes[name] = int(row.group(1))
    return codes


def test_every_error_class_is_documented_with_its_exit_code() -> None:
    documented = _documented_codes()
    classes = _all_subclasses(PingguError)
    assert {c.__name__: c.exit_code for c in classes} == {
        name: code for name, code in documented.items() if name != "PingguError"
    }


def test_exit_codes_keep_clear_of_ok_findings_and_bugs() -> None:
    codes = {c.exit_code for c in _all_subclasses(PingguError)}
    assert not codes & {errors.EXIT_OK, errors.EXIT_FINDINGS, errors.EXIT_INTERNAL}


@pytest.mark.parametrize("exc", SAMPLES, ids=lambda e: type(e).__name__)
def test_pickle_round_trip_keeps_message_hint_and_fields(exc: InputError) -> None:
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is type(exc)
    assert str(back) == str(exc)
    assert back.hint == exc.hint
    assert vars(back) == vars(exc)


@pytest.mark.parametrize("exc", SAMPLES, ids=lambda e: type(e).__name__)
def test_message_is_one_line_naming_the_file_with_a_hint(exc: InputError) -> None:
    assert str(exc).startswith("a.pdf: ")
    assert "\n" not in str(exc)
    assert exc.hint


def test_multi_line_detail_is_folded_into_one_line() -> None:
    exc = CorruptPdfError("r.pdf", "line one\n  line two")
    assert str(exc) == "r.pdf: PDF is corrupt or truncated (line one line two)"


def test_bounds_are_named_in_the_message() -> None:
    assert "2.5 s" in str(ParseTimeoutError("a.pdf", 2.5))
    assert "512 MB" in str(ParseMemoryError("a.pdf", 512))


def test_missing_dependency_names_the_extra_and_survives_pickling() -> None:
    exc = errors.MissingDependencyError("--dask-scheduler", "dask", "No module named 'dask'")
    assert exc.exit_code == 10
    assert exc.hint == "pip install 'pinggu[dask]'"
    assert "--dask-scheduler" in str(exc) and "\n" not in str(exc)
    back = pickle.loads(pickle.dumps(exc))
    assert (str(back), back.hint, vars(back)) == (str(exc), exc.hint, vars(exc))
