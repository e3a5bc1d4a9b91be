"""`pinggu batch` under kills, small versions of tests/reliability/batch_trials.py:
a parsing child killed costs nothing (retried alone), one that dies twice costs its own
file (WorkerCrashError), the parent killed with SIGKILL takes its children with it and
a rerun leaves each file exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from extractor import pipeline
from extractor.batch import run_batch
from extractor.records import Report
from tests.reliability.batch_trials import (
    SOURCE,
    check_store,
    children,
    make_copies,
    start_batch,
    stored,
)

OPTS = pipeline.PipelineOptions()


def wait_for(condition: object, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def test_a_file_whose_parser_dies_twice_is_a_worker_crash_and_the_rest_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = make_copies(SOURCE, tmp_path / "in", 6)
    real = pipeline.extract

    def dies_on_copy_2(path: Path, options: pipeline.PipelineOptions | None = None) -> Report:
        if path.name == "copy_00002.pdf":
            os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
        return real(path, options)

    monkeypatch.setattr(pipeline, "extract", dies_on_copy_2)
    db = tmp_path / "p.sqlite"
    result = run_batch([tmp_path / "in"], db, OPTS, workers=2)
    assert result.done == 5
    [crash] = result.failures
    assert Path(crash.path).name == "copy_00002.pdf"
    assert (crash.error_type, crash.exit_code) == ("WorkerCrashError", 71)
    assert "SIGKILL" in crash.message
    check = check_store(db, paths)
    assert (check.stored, check.failed, check.problems) == (5, 1, [])


def test_a_parsing_child_killed_from_outside_costs_nothing(tmp_path: Path) -> None:
    paths = make_copies(SOURCE, tmp_path / "in", 8)
    db = tmp_path / "p.sqlite"
    proc = start_batch(tmp_path / "in", db, 2)
    try:
        wait_for(lambda: stored(db) >= 2 and children(proc.pid))
        victims = children(proc.pid)
        os.kill(victims[0], signal.SIGKILL)
        assert proc.wait(timeout=300) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    check = check_store(db, paths)
    assert (check.stored, check.problems) == (8, [])


def test_the_parent_killed_mid_run_leaves_no_child_and_a_rerun_finishes_exactly_once(
    tmp_path: Path,
) -> None:
    paths = make_copies(SOURCE, tmp_path / "in", 8)
    db = tmp_path / "p.sqlite"
    proc = start_batch(tmp_path / "in", db, 2)
    try:
        wait_for(lambda: stored(db) >= 2 and children(proc.pid))
        kids = children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    wait_for(lambda: not [k for k in kids if _running(k)], timeout=10)
    at_kill = stored(db)
    assert 2 <= at_kill < 8
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rerun = start_batch(tmp_path / "in", db, 2)
    assert rerun.wait(timeout=300) == 0
    check = check_store(db, paths)
    assert (check.stored, check.files_rows, check.problems) == (8, 8, [])


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
