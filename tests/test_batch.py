"""`pinggu batch` and the SQLite store: stored rows, failures with reasons, reruns that
neither redo nor duplicate, parallel runs equal to serial ones, redaction."""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import pipeline
from extractor.batch import BatchProgress, failures_csv_path, find_pdfs, run_batch
from extractor.cli import app
from extractor.errors import MissingDependencyError, StoreError
from extractor.records import Report
from extractor.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "xicun_2024_final.pdf"
GOOD = [SEED, ROOT / "corpora/generated/gen_000.pdf", ROOT / "corpora/generated/gen_001.pdf"]
TABLES = ("reports", "findings", "indicator_rows", "assessments", "party_scores", "failures")
OPTS = pipeline.PipelineOptions()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """Three corpus PDFs in a sub-folder, a Markdown file renamed .PDF and an empty .pdf."""
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    for pdf in GOOD:
        shutil.copy(pdf, folder / "sub" / pdf.name)
    (folder / "notes.PDF").write_text("# not a report\n", encoding="utf-8")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "readme.txt").write_text("ignored: not *.pdf\n", encoding="utf-8")
    return folder


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_folder_search_is_recursive_and_case_insensitive(inbox: Path) -> None:
    names = sorted(p.name for p in find_pdfs([inbox, inbox / "sub" / GOOD[0].name]))
    assert names == ["empty.pdf", "gen_000.pdf", "gen_001.pdf", "notes.PDF", SEED.name]


def test_batch_stores_reports_and_records_failures_with_reasons(
    inbox: Path, tmp_path: Path
) -> None:
    db = tmp_path / "p.sqlite"
    seen: list[BatchProgress] = []
    result = run_batch([inbox], db, OPTS, on_progress=lambda p: seen.append(p))
    assert (result.found, result.done, result.skipped) == (5, 3, 0)
    assert {(Path(f.path).name, f.error_type, f.exit_code) for f in result.failures} == {
        ("notes.PDF", "NotAPdfError", 3),
        ("empty.pdf", "EmptyFileError", 3),
    }
    assert seen[-1].finished == seen[-1].total == 5 and seen[-1].failed == 2
    c = counts(db)
    assert c["reports"] == 3 and c["failures"] == 2
    assert c["findings"] > 0 and c["indicator_rows"] > 0 and c["assessments"] > 0
    failures = {str(t): str(m) for t, m in rows(db, "SELECT error_type, message FROM failures")}
    assert "not a PDF" in failures["NotAPdfError"]
    assert "empty" in failures["EmptyFileError"]
    seed = rows(
        db, f"SELECT station, district, year, total, grade FROM reports WHERE file = '{SEED.name}'"
    )
    assert seed == [("广州市西村街社工服务站", "荔湾区", 2024, 86.75, "良好")]
    # the full record survives the round trip
    record = rows(
        db,
        "SELECT c.record FROM records c JOIN reports r ON r.report_id = c.report_id "
        f"WHERE r.file = '{SEED.name}'",
    )[0][0]
    assert Report.model_validate_json(str(record)).scoring.total is not None


def test_rerun_skips_finished_files_and_adds_nothing(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    run_batch([inbox], db, OPTS)
    before = counts(db)
    shutil.copy(SEED, inbox / "renamed_copy.pdf")  # same content under another name
    again = run_batch([inbox], db, OPTS)
    assert (again.done, again.skipped, len(again.failures)) == (0, 4, 2)
    assert counts(db) == before
    copies = rows(
        db,
        "SELECT path, status, copies FROM file_status WHERE sha256 = "
        f"(SELECT sha256 FROM reports WHERE file = '{SEED.name}') ORDER BY path",
    )
    assert copies == [
        (str(inbox / "renamed_copy.pdf"), "stored", 2),
        (str(inbox / "sub" / SEED.name), "stored", 2),
    ]
    assert rows(db, "SELECT count(*) FROM files") == [(6,)]  # every path, once
    assert rows(db, "SELECT count(*) FROM station_summary") == [(3,)]


def test_force_redoes_without_duplicating(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    run_batch([inbox], db, OPTS)
    before = counts(db)
    forced = run_batch([inbox], db, OPTS, force=True)
    assert (forced.done, forced.skipped) == (3, 0)
    assert counts(db) == before


def test_fixed_file_clears_its_failure(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    run_batch([inbox], db, OPTS)
    shutil.copy(GOOD[1], inbox / "empty.pdf")  # the re-fetched file arrives
    (inbox / "notes.PDF").unlink()
    run_batch([inbox], db, OPTS, force=True)
    assert rows(db, "SELECT path FROM failures") == [(str(inbox / "notes.PDF"),)]


def test_two_workers_give_the_same_rows(inbox: Path, tmp_path: Path) -> None:
    serial, parallel = tmp_path / "serial.sqlite", tmp_path / "parallel.sqlite"
    run_batch([inbox], serial, OPTS)
    result = run_batch([inbox], parallel, OPTS, workers=2)
    assert result.done == 3 and len(result.failures) == 2
    # report ids follow the order results come back in: rows compare by their sha256
    tables = ("findings", "indicator_rows", "narrative", "assessments", "party_scores")
    for sql in (
        "SELECT sha256, file, status, station, total, grade FROM reports",
        "SELECT sha256, record FROM records",
        *(f"SELECT * FROM {t}" for t in tables),
        "SELECT path, error_type, message FROM failures",
    ):
        a, b = rows(serial, sql), rows(parallel, sql)
        if sql.startswith("SELECT *"):
            a, b = [r[1:] for r in a], [r[1:] for r in b]  # report_id first
        assert sorted(map(repr, a)) == sorted(map(repr, b))


def test_redaction_leaves_no_roster_name_in_the_store(tmp_path: Path) -> None:
    names = {row.name for row in pipeline.extract(SEED).staffing.roster}
    assert len(names) > 10
    db = tmp_path / "p.sqlite"
    run_batch([SEED], db, OPTS, redact=True)
    with sqlite3.connect(db) as conn:
        dump = "\n".join(conn.iterdump())
    assert "某某1" in dump
    assert not [n for n in names if n in dump]


def test_an_unexpected_exception_fails_one_file_as_internal_error(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.extract

    def flaky(path: Path, options: pipeline.PipelineOptions | None = None) -> Report:
        if path.name == "gen_000.pdf":
            raise KeyError("boom")
        return real(path, options)

    monkeypatch.setattr(pipeline, "extract", flaky)
    result = run_batch([inbox / "sub"], tmp_path / "p.sqlite", OPTS)
    assert result.done == 2
    [failure] = result.failures
    assert (failure.error_type, failure.exit_code) == ("InternalError", 70)
    assert "KeyError" in failure.message and "boom" in failure.message


def test_store_answers_a_question_per_district(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    run_batch(GOOD, db, OPTS)
    per_district = rows(
        db,
        "SELECT district, count(DISTINCT station), round(avg(total), 2) FROM reports "
        "GROUP BY district ORDER BY district",
    )
    assert per_district == [("枫林区", 1, 62.03), ("栖霞岭区", 1, 97.73), ("荔湾区", 1, 86.75)]
    summary = rows(
        db, f"SELECT grade, error_findings FROM station_summary WHERE file = '{SEED.name}'"
    )
    assert summary[0][0] == "良好" and int(str(summary[0][1])) > 0  # published errors
    weights = rows(
        db,
        f"SELECT party, weight FROM party_scores WHERE file = '{SEED.name}' ORDER BY weight DESC",
    )
    assert weights[0] == ("third_party", 55.0)
    indexes = {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"reports_district", "reports_year", "reports_operator"} <= indexes
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]


def test_dask_scheduler_without_dask_is_a_missing_dependency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)  # makes `import dask...` fail
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(MissingDependencyError) as info:
        run_batch([SEED], tmp_path / "p.sqlite", OPTS, dask_scheduler="tcp://127.0.0.1:8786")
    assert info.value.exit_code == 10
    assert info.value.hint == "pip install 'pinggu[dask]'"
    res = CliRunner().invoke(
        app, ["batch", str(SEED), "--db", str(tmp_path / "p.sqlite"), "--dask-scheduler", "x"]
    )
    assert res.exit_code == 10
    assert "pinggu[dask]" in res.output


def test_cli_exit_codes_summary_and_failures_csv(inbox: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "out" / "p.sqlite"
    res = runner.invoke(app, ["batch", str(inbox), "--db", str(db), "--workers", "2"])
    assert res.exit_code == 2, res.output
    assert "3 stored" in res.stdout and "2 failed" in res.stdout
    with failures_csv_path(db).open(encoding="utf-8") as fh:
        listed = {Path(r["path"]).name: r["error_type"] for r in csv.DictReader(fh)}
    assert listed == {"notes.PDF": "NotAPdfError", "empty.pdf": "EmptyFileError"}
    res = runner.invoke(app, ["batch", str(inbox / "sub"), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "3 skipped" in res.stdout
    assert not failures_csv_path(db).exists()


def test_a_replaced_file_counts_once_and_its_old_report_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    target = folder / "report.pdf"
    shutil.copy(GOOD[1], target)
    db = tmp_path / "p.sqlite"
    run_batch([folder], db, OPTS)
    shutil.copy(GOOD[2], target)  # a corrected report arrives under the same name
    result = run_batch([folder], db, OPTS)
    assert result.done == 1
    stations = rows(db, "SELECT station FROM station_summary")
    [(new_station,)] = rows(
        db, "SELECT station FROM reports WHERE sha256 = (SELECT sha256 FROM files)"
    )
    assert stations == [(new_station,)]
    assert len(rows(db, "SELECT * FROM superseded_reports")) == 1
    [(previous,)] = rows(db, "SELECT previous_sha256 FROM files")
    assert previous == rows(db, "SELECT sha256 FROM superseded_reports")[0][0]


def gbk_name(folder: Path, name: str) -> Path:
    """A file name in GBK bytes, as a zip made on Chinese Windows unpacks on Linux."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + name.encode("gbk")))


def test_a_gbk_file_name_is_stored_escaped_and_exactly(tmp_path: Path) -> None:
    """Issue 9: a name that is not UTF-8 aborted the whole batch, storing nothing."""
    folder = tmp_path / "zip"
    folder.mkdir()
    good = gbk_name(folder, "西村街评估报告.pdf")
    bad = gbk_name(folder, "坏文件.pdf")
    shutil.copy(GOOD[1], good)
    bad.write_bytes(b"not a pdf")
    shutil.copy(GOOD[2], folder / "utf8.pdf")
    db = tmp_path / "p.sqlite"
    result = run_batch([folder], db, OPTS, workers=2)
    assert (result.found, result.done) == (3, 2)
    [failure] = result.failures
    escaped = os.fsencode(bad).decode("utf-8", "backslashreplace")
    assert failure.path == escaped and "\\x" in failure.path
    assert failure.error_type == "NotAPdfError" and escaped in failure.message
    stored = dict(rows(db, "SELECT raw_path, status FROM file_status JOIN files USING (path)"))
    assert stored == {
        os.fsencode(good): "stored",
        os.fsencode(bad): "failed",
        os.fsencode(folder / "utf8.pdf"): "stored",
    }
    names = {r[0] for r in rows(db, "SELECT file FROM reports")}
    assert names == {"utf8.pdf", os.fsencode(good.name).decode("utf-8", "backslashreplace")}
    again = run_batch([folder], db, OPTS)  # a rerun goes past it, and stores nothing twice
    assert (again.done, again.skipped, len(again.failures)) == (0, 2, 1)
    res = CliRunner().invoke(app, ["batch", str(folder), "--db", str(db)])
    assert res.exit_code == 2 and "Traceback" not in res.output
    with failures_csv_path(db).open(encoding="utf-8") as fh:
        assert [r["path"] for r in csv.DictReader(fh)] == [escaped]


def test_a_store_that_refuses_a_failure_does_not_stop_the_batch(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Store.fail

    def refuse_notes(self: Store, path: Path, *args: object, **kwargs: object) -> None:
        if Path(path).name == "notes.PDF":
            raise sqlite3.OperationalError("disk I/O error")
        real(self, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "fail", refuse_notes)
    result = run_batch([inbox], tmp_path / "p.sqlite", OPTS)
    assert result.done == 3
    notes = next(f for f in result.failures if f.path.endswith("notes.PDF"))
    assert "not recorded in the store" in notes.message and "disk I/O error" in notes.message
    assert rows(tmp_path / "p.sqlite", "SELECT count(*) FROM failures") == [(1,)]


def test_a_store_that_keeps_refusing_stops_the_batch(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Store, *args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "save", full)
    monkeypatch.setattr(Store, "fail", full)
    with pytest.raises(StoreError, match="refused 3 writes in a row") as info:
        run_batch([inbox], tmp_path / "p.sqlite", OPTS)
    assert "disk space" in info.value.hint
