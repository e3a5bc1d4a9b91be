"""`pinggu batch` and the SQLite store: stored rows, failures with reasons, reruns that
neither redo nor duplicate, parallel runs equal to serial ones, redaction."""

from __future__ import annotations

import csv
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import pipeline
from extractor.batch import BatchProgress, failures_csv_path, find_pdfs, run_batch
from extractor.cli import app
from extractor.errors import InputError, MissingDependencyError
from extractor.records import Report
from extractor.store import open_store

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
    record = rows(db, f"SELECT record FROM reports WHERE file = '{SEED.name}'")[0][0]
    assert Report.model_validate_json(str(record)).scoring.total is not None


def test_rerun_skips_finished_files_and_adds_nothing(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    run_batch([inbox], db, OPTS)
    before = counts(db)
    shutil.copy(SEED, inbox / "renamed_copy.pdf")  # same content under another name
    again = run_batch([inbox], db, OPTS)
    assert (again.done, again.skipped, len(again.failures)) == (0, 4, 2)
    assert counts(db) == before


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
    for sql in (
        "SELECT sha256, file, status, station, total, grade, record FROM reports",
        "SELECT * FROM findings",
        "SELECT * FROM indicator_rows",
        "SELECT * FROM assessments",
        "SELECT * FROM party_scores",
        "SELECT path, error_type, message FROM failures",
    ):
        assert sorted(map(repr, rows(serial, sql))) == sorted(map(repr, rows(parallel, sql)))


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
        "SELECT party, weight FROM party_scores JOIN reports USING (sha256) "
        f"WHERE file = '{SEED.name}' ORDER BY weight DESC",
    )
    assert weights[0] == ("third_party", 55.0)
    indexes = {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"reports_district", "reports_year", "reports_operator"} <= indexes
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(InputError, match="not a Pinggu store"):
        open_store(other)
    junk = tmp_path / "junk.sqlite"
    junk.write_text("hello, not sqlite" * 100)
    with pytest.raises(InputError, match="not an SQLite database"):
        open_store(junk)


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
