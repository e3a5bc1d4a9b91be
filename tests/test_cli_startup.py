"""What a `pinggu` command imports before it does its work (issue 10: start-up).

Behaviour, not timing: each test runs the console script's `main()` in a fresh
interpreter and reads `sys.modules` as the process exits.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parent.parent / "corpora" / "seed" / "xicun_2024_final.pdf"

# What only a command that parses needs: the PDF layer, the records, spaCy.
HEAVY = (
    "spacy",
    "pdfplumber",
    "pypdfium2",
    "pydantic",
    "extractor.pipeline",
    "extractor.records",
    "extractor.pdf.pages",
)

_PROBE = """
import atexit, json, sys
heavy = {heavy!r}
atexit.register(lambda: sys.stderr.write(
    "\\nLOADED " + json.dumps([m for m in heavy if m in sys.modules]) + "\\n"))
sys.argv = ["pinggu", *{args!r}]
from extractor.cli import main
main()
"""


def loaded_by(*args: str, heavy: tuple[str, ...] = HEAVY) -> tuple[list[str], str]:
    """The `heavy` modules a `pinggu ARGS` process had imported when it exited, and its
    standard output."""
    code = _PROBE.format(heavy=heavy, args=list(args))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    marker = [line for line in out.stderr.splitlines() if line.startswith("LOADED ")]
    assert marker, out.stderr
    loaded: list[str] = json.loads(marker[-1].removeprefix("LOADED "))
    return loaded, out.stdout


@pytest.mark.parametrize(
    "args", [("--help",), ("--version",), ("extract", "--help"), ("batch", "--help")]
)
def test_help_and_version_import_no_parser(args: tuple[str, ...]) -> None:
    """Help and version never load spaCy, pdfplumber or the records. (A command's own
    help builds its parameters, for which typer itself imports pydantic.)"""
    heavy = HEAVY if len(args) == 1 else tuple(m for m in HEAVY if m != "pydantic")
    loaded, stdout = loaded_by(*args, heavy=heavy)
    assert loaded == []
    assert stdout.strip()


def test_help_does_not_read_package_metadata() -> None:
    """Only --version asks importlib.metadata for the version."""
    loaded, _ = loaded_by("--help", heavy=("importlib.metadata",))
    assert loaded == []
    loaded, stdout = loaded_by("--version", heavy=("importlib.metadata",))
    assert loaded == ["importlib.metadata"] and stdout.startswith("pinggu ")


def test_extract_loads_the_pipeline() -> None:
    """The lazy imports still bring in what a parse needs (in the parent: it warms), and
    nothing of pdfplumber or pdfminer: a parse reads the PDF with pypdfium2 and runs
    pdfplumber's table steps as `extractor.pdf.cells` writes them out (a tenth of the
    start-up was importing pdfminer's parser for them)."""
    heavy = (*HEAVY, "pdfminer", "cryptography")
    loaded, stdout = loaded_by("extract", str(SEED), "--format", "json", heavy=heavy)
    assert {"spacy", "pypdfium2", "extractor.pipeline", "extractor.records"} <= set(loaded)
    assert not {"pdfplumber", "pdfminer", "cryptography"} & set(loaded)
    assert json.loads(stdout)["source"]["file"] == SEED.name


def test_extract_of_a_text_pdf_loads_no_ocr_engine() -> None:
    """Whether the OCR extra is installed is asked of the package finder: the command
    that reads a text PDF imports neither the engine's module (numpy, Pillow) nor the
    engine itself."""
    ocr = ("PIL", "extractor.pdf.ocr.rapid", "onnxruntime", "rapidocr")
    loaded, stdout = loaded_by("extract", str(SEED), "--format", "json", heavy=ocr)
    assert loaded == []
    assert json.loads(stdout)["source"]["file"] == SEED.name


def test_the_command_collects_as_seldom_as_a_worker() -> None:
    """The console script sets its process's collector as a worker's (start-up objects
    live to the end); importing the library leaves a caller's collector alone."""
    from extractor.pdf import guard

    code = (
        "import gc, sys\n"
        "import extractor.api, extractor.cli\n"
        "before = gc.get_threshold()\n"
        "sys.argv = ['pinggu', '--version']\n"
        "try:\n"
        "    extractor.cli.main()\n"
        "finally:\n"
        "    print(json.dumps([before, gc.get_threshold()]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", "import json\n" + code], capture_output=True, text=True
    )
    before, after = json.loads(out.stdout.strip().splitlines()[-1])
    assert tuple(after) == guard._GC_THRESHOLDS and tuple(before) != tuple(after)
