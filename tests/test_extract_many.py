"""`pinggu extract`/`check` over many files: folders as inputs, `-j N` through the pool
`batch` uses, records in input order, one file's crash or timeout costing itself only,
a progress bar on stderr, and a parent that warms once so its children load nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas
from rich.console import Console
from typer.testing import CliRunner

from extractor import pipeline
from extractor.cli import app, common
from extractor.errors import ParseTimeoutError, WorkerCrashError
from extractor.pdf.guard import Limits

runner = CliRunner()
_real_extract = pipeline._extract


def tiny_pdf(path: Path, text: str) -> Path:
    """A one-page PDF with one line: read in well under a second (a `failure` record)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return path


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """Four PDFs in nested folders, named so that sorted order differs from creation
    order, and one file that is not a PDF."""
    folder = tmp_path / "inbox"
    for rel in ("b/two.pdf", "a/one.pdf", "c/d/four.pdf", "c/three.pdf"):
        tiny_pdf(folder / rel, f"Station {rel}")
    (folder / "c" / "bad.pdf").write_bytes(b"not a pdf at all")
    (folder / "c" / "notes.txt").write_text("ignored: not *.pdf")
    return folder


def sorted_pdfs(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in sorted(folder.rglob("*.pdf"))]


def test_a_folder_is_its_pdfs_sorted_and_records_keep_input_order(
    inbox: Path, tmp_path: Path
) -> None:
    expected = sorted_pdfs(inbox)
    assert expected == ["a/one.pdf", "b/two.pdf", "c/bad.pdf", "c/d/four.pdf", "c/three.pdf"]
    outputs = {}
    for workers in ("1", "2"):
        res = runner.invoke(app, ["extract", str(inbox), "-f", "jsonl", "-j", workers])
        assert res.exit_code == 3, res.stderr  # NotAPdfError outranks the failure records
        files = [Path(json.loads(line)["source"]["file"]).name for line in res.stdout.splitlines()]
        assert files == [Path(p).name for p in expected if p != "c/bad.pdf"]
        assert "bad.pdf: not a PDF" in res.stderr
        outputs[workers] = [
            {k: v for k, v in json.loads(line).items() if k != "timings"}
            for line in res.stdout.splitlines()
        ]
    assert outputs["1"] == outputs["2"]


def test_files_and_folders_mix_and_each_file_is_read_once(inbox: Path) -> None:
    one = inbox / "a" / "one.pdf"
    res = runner.invoke(
        app, ["check", str(one), str(inbox / "c" / "d"), str(inbox / "a"), "-f", "json"]
    )
    findings = json.loads(res.stdout)
    assert res.exit_code == 12, res.stderr  # both records are failures: not reports
    assert isinstance(findings, list)
    assert res.stderr.count("one.pdf") == 1 and res.stderr.count("four.pdf") == 1


def test_folder_output_is_written_whole_for_every_record(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = runner.invoke(app, ["extract", str(inbox), "-o", str(out), "-j", "2"])
    assert res.exit_code == 3, res.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "four.json",
        "one.json",
        "three.json",
        "two.json",
    ]
    for path in out.iterdir():
        assert json.loads(path.read_text())["source"]["file"].endswith(path.stem + ".pdf")


def test_a_folder_without_pdfs_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    res = runner.invoke(app, ["extract", str(tmp_path / "empty")])
    assert res.exit_code == 2
    assert "no PDF under" in res.stderr


def _crash_on(name: str, log: Path):  # type: ignore[no-untyped-def]
    def extract(path: Path, opts: pipeline.PipelineOptions, profile: str):  # type: ignore[no-untyped-def]
        with log.open("a") as fh:
            fh.write(f"{path.name}\n")
        if path.name == name:
            os.kill(os.getpid(), signal.SIGKILL)
        return _real_extract(path, opts, profile)

    return extract


def test_a_crashing_file_costs_itself_only(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parse of two.pdf dies (SIGKILL) in its child: it is retried once, alone,
    then reported as WorkerCrashError (71); the other files' records are written."""
    log = tmp_path / "attempts.log"
    monkeypatch.setattr(pipeline, "_extract", _crash_on("two.pdf", log))
    res = runner.invoke(app, ["extract", str(inbox), "-f", "jsonl", "-j", "2"])
    assert res.exit_code == 2, res.stderr  # 71 and bad.pdf's 3: different input errors
    files = [Path(json.loads(line)["source"]["file"]).name for line in res.stdout.splitlines()]
    assert files == ["one.pdf", "four.pdf", "three.pdf"]
    assert "two.pdf: the parser process died without an answer, twice" in res.stderr
    assert log.read_text().splitlines().count("two.pdf") == 2


def test_a_file_over_its_time_bound_costs_itself_only(
    inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(path: Path, opts: pipeline.PipelineOptions, profile: str):  # type: ignore[no-untyped-def]
        if path.name == "one.pdf":
            time.sleep(60)
        return _real_extract(path, opts, profile)

    monkeypatch.setattr(pipeline, "_extract", slow)
    paths = [inbox / "a" / "one.pdf", inbox / "b" / "two.pdf", inbox / "c" / "three.pdf"]
    opts = pipeline.PipelineOptions(limits=Limits(timeout_s=8))
    start = time.monotonic()
    outcomes = list(pipeline.extract_each(paths, opts, workers=2))
    assert time.monotonic() - start < 40
    assert [o.path for o in outcomes] == paths
    assert isinstance(outcomes[0].error, ParseTimeoutError) and outcomes[0].exit_code == 7
    assert [o.report is not None for o in outcomes[1:]] == [True, True]


def test_one_worker_or_several_the_errors_are_the_pools(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A single file goes through the same pool: a crash is retried and becomes 71."""
    monkeypatch.setattr(pipeline, "_extract", _crash_on("one.pdf", tmp_path / "log"))
    [o] = list(pipeline.extract_each([inbox / "a" / "one.pdf"]))
    assert isinstance(o.error, WorkerCrashError) and o.exit_code == 71


def test_progress_goes_to_stderr_for_several_files_only(
    inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for files, shown in (([inbox / "a"], False), ([inbox / "a", inbox / "b"], True)):
        screen = StringIO()
        monkeypatch.setattr(common, "err", Console(file=screen, force_terminal=True, width=100))
        res = runner.invoke(app, ["extract", *map(str, files), "-f", "jsonl"])
        assert res.exit_code == 12, res.stderr
        assert ("extracting" in screen.getvalue()) is shown
        assert ("2/2" in screen.getvalue()) is shown


LOADS = """
import os, sys
from extractor.knowledge import loader
from extractor.nlp import pipeline as nlp_pipeline
log = open(sys.argv[1], "a", buffering=1)
read_data, build = loader.read_data, nlp_pipeline.build_pipeline
def logged_read(path, *a, **k):
    log.write(f"{os.getpid()} read {path}\\n")
    return read_data(path, *a, **k)
def logged_build(*a, **k):
    log.write(f"{os.getpid()} spacy\\n")
    return build(*a, **k)
loader.read_data, nlp_pipeline.build_pipeline = logged_read, logged_build
class LoggedImports:  # a module imported for the first time (the CLI imports lazily)
    @staticmethod
    def find_spec(name, path=None, target=None):
        log.write(f"{os.getpid()} import {name}\\n")
        return None
log.write(f"{os.getpid()} parent\\n")
sys.meta_path.insert(0, LoggedImports)
from extractor.cli import main
sys.argv = ["pinggu", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize("command", ["extract", "check"])
def test_the_parent_warms_once_and_its_children_load_nothing(
    command: str, inbox: Path, tmp_path: Path
) -> None:
    """Every models/ file, the spaCy pipeline and every module a parse uses are loaded
    in the parent before it forks; a child that loaded one again would pay it per
    file (or per worker, however lazily the CLI imports)."""
    log = tmp_path / "loads.log"
    folders = [str(inbox / "a"), str(inbox / "b"), str(inbox / "c" / "three.pdf")]
    done = subprocess.run(
        [sys.executable, "-c", LOADS, str(log), command, *folders, "-j", "2", "-f", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 12, done.stderr
    lines = [line.split(" ", 1) for line in log.read_text().splitlines()]
    parent = lines[0][0]
    assert lines[0][1] == "parent"
    assert [what for pid, what in lines if pid != parent] == []
    loaded = [what for _, what in lines[1:]]
    assert "spacy" in loaded and sum(w.startswith("read ") for w in loaded) >= 10
    assert {"import spacy", "import pypdfium2", "import extractor.pipeline"} <= set(loaded)
