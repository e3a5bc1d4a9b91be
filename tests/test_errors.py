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
    classes: set[type[Exception]] = {*_all_subclasses(PingguError), errors.InternalError}
    assert {c.__name__: c.exit_code for c in classes} == {
        name: code for name, code in documented.items() if name != "PingguError"
    }


def test_exit_codes_keep_clear_of_ok_findings_and_bugs() -> None:
    codes = {c.exit_code for c in _all_subclasses(PingguError)}
    reserved = {errors.EXIT_OK, errors.EXIT_FINDINGS, errors.EXIT_INTERNAL}
    assert not codes & (reserved | {errors.EXIT_PARTIAL, errors.EXIT_UNREAD})


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


# --- bugs: one line, exit 70 -----------------------------------------------------------


def _bug() -> None:
    max([])


def test_internal_error_names_type_message_and_innermost_frame() -> None:
    try:
        _bug()
    except ValueError as exc:
        wrapped = errors.InternalError.wrap(exc, Path("r.pdf"))
    message = str(wrapped)
    assert message.startswith("r.pdf: internal error (ValueError: max() ")
    assert "tests/test_errors.py" not in message  # outside extractor/: the file name only
    assert re.search(r"at test_errors\.py:\d+\)$", message)
    assert "\n" not in message and "report it with the file" in wrapped.hint
    assert wrapped.exit_code == errors.EXIT_INTERNAL == 70
    assert "Traceback" in wrapped.traceback and "_bug" in wrapped.traceback


def test_internal_error_from_a_parser_child_reports_the_childs_exception() -> None:
    child = (
        "r.pdf: the parser failed in its child process:\nTraceback (most recent call last):\n"
        '  File "/x/site-packages/extractor/document/blocks.py", line 63, in margins\n'
        "    max(...)\nValueError: max() iterable argument is empty\n"
    )
    wrapped = errors.InternalError.wrap(RuntimeError(child), "r.pdf")
    assert str(wrapped) == (
        "r.pdf: internal error (ValueError: max() iterable argument is empty "
        "at extractor/document/blocks.py:63)"
    )
    assert wrapped.traceback == child
    back = pickle.loads(pickle.dumps(wrapped))
    assert (type(back), str(back), back.traceback) == (type(wrapped), str(wrapped), child)


def test_printable_escapes_controls_and_keeps_chinese() -> None:
    assert errors.printable("西村\n报告\x1b[31m.pdf") == "西村\\n报告\\x1b[31m.pdf"
    assert errors.printable("a\u202eb\tc\x07") == "a\\u202eb\\tc\\x07"
    assert errors.printable("评估报告（2024）.pdf") == "评估报告（2024）.pdf"


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ([], 0),
        ([0, 0], 0),
        ([0, 1], 1),
        ([1, 11], 11),
        ([11, 12, 1], 12),
        ([0, 4], 4),
        ([4, 4, 0], 4),
        ([4, 6, 12], 2),  # different input errors
        ([4, 70, 0], 70),
        ([73], 73),
    ],
)
def test_combined_exit_is_the_worst_outcome(codes: list[int], expected: int) -> None:
    assert errors.combined_exit(codes) == expected
