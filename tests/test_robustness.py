"""Every file ends in success or a classified outcome, never a bug or a hang, and damage
is never reported as success (RELIABILITY.md; the full runs are
`python -m tests.robustness.harness mutants --count 1000` and `… realworld`).

Each mutant and each real-world PDF is its own test: a regression names the file. The
mutants are seeded (tests/robustness/mutate.py), so a failing id reproduces anywhere.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas
from typer.testing import CliRunner

from extractor import pipeline
from extractor.checks import damaged
from extractor.cli import app
from extractor.errors import ParseMemoryError
from extractor.pdf.guard import Limits
from tests.robustness import realworld
from tests.robustness.harness import BUGS, clean_reports, core, outcome_of
from tests.robustness.mutate import KINDS, Mutant, default_sources, mutants

SEED = 2026
PER_KIND = 20  # CI: 140 mutants, about two minutes on two busy cores
MUTANTS = list(mutants(default_sources(), PER_KIND * len(KINDS), SEED))
runner = CliRunner()


@pytest.fixture(scope="module")
def clean() -> dict[Path, tuple[object, ...]]:
    """Each source's core fields, undamaged; the parent warmed for the forked parses."""
    pipeline.warm()
    return {path: core(r) for path, r in clean_reports(default_sources()).items()}


@pytest.fixture
def mutant_file(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Mutant, Path]]:
    m: Mutant = request.param
    path = tmp_path / m.name
    path.write_bytes(m.data)
    yield m, path


@pytest.mark.parametrize("mutant_file", MUTANTS, ids=[m.name for m in MUTANTS], indirect=True)
def test_mutant_ends_classified_and_damage_is_never_success(
    mutant_file: tuple[Mutant, Path], clean: dict[Path, tuple[object, ...]]
) -> None:
    m, path = mutant_file
    [o] = list(pipeline.extract_each([path]))
    label, message = outcome_of(o)
    assert label not in BUGS, message
    if o.report is not None and o.report.status == "success":
        assert core(o.report) == clean[m.source], "damage reported as success"
    if o.report is not None and o.report.status != "success":
        assert o.report.problems, "a partial or failed record names its problems"
    if o.report is not None and damaged(o.report):  # a misread is never an error
        assert not [f.rule for f in o.report.findings if f.severity == "error"]


def test_mutants_are_deterministic() -> None:
    again = list(mutants(default_sources(), 10, SEED, start=30))
    assert [(m.name, m.data) for m in again] == [(m.name, m.data) for m in MUTANTS[30:40]]
    assert {m.kind for m in MUTANTS} == set(KINDS)


REALWORLD = realworld.available()


@pytest.mark.skipif(
    not REALWORLD and not os.environ.get("CI"),
    reason="run `python -m tests.robustness.realworld` to download the PDFs (CI does)",
)
def test_realworld_pdfs_are_downloaded() -> None:
    assert len(REALWORLD) == 24


@pytest.mark.parametrize(
    "path", REALWORLD, ids=[p.relative_to(realworld.folder()).as_posix() for p in REALWORLD]
)
def test_realworld_pdf_ends_classified(path: Path) -> None:
    [o] = list(pipeline.extract_each([path]))
    label, message = outcome_of(o)
    assert label not in BUGS, message
    assert label != "success"  # none of them is an evaluation report
    if o.report is not None:
        assert o.report.status == "failure" and o.exit_code == 12
        assert any(p.stage == "completeness" for p in o.report.problems)


# --- hand-made hostile files -----------------------------------------------------------


def one_line_pdf(path: Path, pages: int = 1) -> Path:
    c = canvas.Canvas(str(path))
    for i in range(pages):
        c.drawString(72, 720, f"Station report, page {i + 1}")
        c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("pages", [1, 3])
def test_pages_of_one_line_are_a_failure_record_not_a_crash(tmp_path: Path, pages: int) -> None:
    """What crashed in `margins` (max() of nothing): no right edge is seen twice."""
    path = one_line_pdf(tmp_path / "one-line.pdf", pages)
    [o] = list(pipeline.extract_each([path]))
    assert o.error is None and o.report is not None
    assert o.report.status == "failure" and o.exit_code == 12
    stages = [p.stage for p in o.report.problems]
    assert stages.count("completeness") == 4
    assert "station name missing: not found in the text" in o.report.problems[-4].message


def spaced_bomb_pdf(path: Path, megabytes: int) -> Path:
    """A one-page PDF with one line of text, then `megabytes` MB of blanks in the same
    compressed content stream: ~100 KB on disk."""
    content = b"BT /F1 12 Tf 72 720 Td (One line above a bomb) Tj ET\n" + b" " * (megabytes << 20)
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def test_a_small_bomb_with_one_line_of_text_is_classified(tmp_path: Path) -> None:
    path = spaced_bomb_pdf(tmp_path / "bomb.pdf", 200)
    assert path.stat().st_size < 400_000
    opts = pipeline.PipelineOptions(limits=Limits(timeout_s=60, max_memory_mb=1024))
    [o] = list(pipeline.extract_each([path], opts))
    assert o.error is None or isinstance(o.error, ParseMemoryError), o.error
    if o.report is not None:
        assert o.report.status == "failure"


# --- what the commands say ---------------------------------------------------------------


def _first(kind: str, status: str | None, error: str | None = None) -> Mutant:
    """The first CI mutant of `kind` whose undamaged-source outcome is known to be
    `status` (or `error`), found by extracting until one is."""
    for m in MUTANTS:
        if m.kind != kind:
            continue
        path = Path(os.environ.get("TMPDIR", "/tmp")) / f"pinggu-first-{m.name}"
        path.write_bytes(m.data)
        try:
            [o] = list(pipeline.extract_each([path]))
        finally:
            path.unlink()
        label, _ = outcome_of(o)
        if label == (status or error):
            return m
    raise AssertionError(f"no {kind} mutant ends {status or error}")


def test_check_exits_11_for_a_partial_record_and_6_for_garbage(tmp_path: Path) -> None:
    partial = _first("flip_stream", "partial")
    p = tmp_path / partial.name
    p.write_bytes(partial.data)
    res = runner.invoke(app, ["check", "--no-ocr", str(p)])
    assert res.exit_code == 11, res.output
    assert "record is partial" in res.output and "compressed stream" in res.output
    res = runner.invoke(app, ["inspect", "--no-ocr", str(p)])
    assert res.exit_code == 0 and "## Problems (what could not be read)" in res.stdout
    garbled = _first("font_stream", None, "UnusableTextLayerError")
    g = tmp_path / garbled.name
    g.write_bytes(garbled.data)
    res = runner.invoke(app, ["check", "--no-ocr", str(g)])
    assert res.exit_code == 6, res.output
    assert "no usable text layer" in res.output and "--ocr" in res.output
    res = runner.invoke(app, ["check", "--no-ocr", str(p), str(g)])
    assert res.exit_code == 6  # the worst of the two: an input error over a partial


def test_extract_a_non_report_exits_12_and_still_writes_its_record(tmp_path: Path) -> None:
    path = one_line_pdf(tmp_path / "flyer.pdf")
    out = tmp_path / "flyer.json"
    res = runner.invoke(app, ["extract", str(path), "-o", str(out)])
    assert res.exit_code == 12
    assert "record is unusable (status failure)" in res.output
    assert '"status": "failure"' in out.read_text(encoding="utf-8")
