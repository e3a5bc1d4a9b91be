"""Opening the SQLite store: concurrent opens of a new file, a kill at any point of the
first open, upgrades from version 1, refusals that say what to do, file rows that show
copies and replaced files."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from extractor.errors import StoreError
from extractor.records import Report, Source
from extractor.store import STORE_VERSION, FileSeen, open_store
from extractor.store import schema as store_schema
from tests.conftest import CorpusReports

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = Path(__file__).resolve().parents[1] / "corpora/seed/xicun_2024_final.pdf"
VIEWS = {"station_summary", "file_status", "superseded_reports"}
TABLES = {
    "schema_version",
    "reports",
    "findings",
    "records",
    "indicator_rows",
    "narrative",
    "assessments",
    "party_scores",
    "staffing",
    "roster",
    "problems",
    "files",
    "failures",
}


def objects(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT name, type FROM sqlite_master WHERE type != 'index'"))


def version(db: Path) -> list[tuple[int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT version FROM schema_version").fetchall()


def _open_at(db: str, start: float, out: multiprocessing.Queue[str]) -> None:
    time.sleep(max(0.0, start - time.time()))
    try:
        with open_store(Path(db)) as store:
            store.count("reports")
        out.put("ok")
    except Exception as exc:
        out.put(f"{type(exc).__name__}: {exc}")


def test_concurrent_opens_of_a_new_store_all_succeed(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    for attempt in range(8):
        db = tmp_path / f"new_{attempt}.sqlite"
        results: multiprocessing.Queue[str] = ctx.Queue()
        start = time.time() + 0.3
        procs = [ctx.Process(target=_open_at, args=(str(db), start, results)) for _ in range(6)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        outcomes = [results.get(timeout=5) for _ in procs]
        assert outcomes == ["ok"] * 6, outcomes
        assert version(db) == [(STORE_VERSION,)]
        assert set(objects(db)) == TABLES | VIEWS


def _die_in_first_open(db: str, at_statement: int) -> None:
    """Open a new store, SIGKILLing this process at its `at_statement`-th SQL statement."""
    real = sqlite3.connect
    count = 0

    def trace(_: str) -> None:
        nonlocal count
        count += 1
        if count == at_statement:
            os.kill(os.getpid(), signal.SIGKILL)

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real(*args, **kwargs)  # type: ignore[arg-type]
        conn.set_trace_callback(trace)
        return conn

    store_schema.sqlite3.connect = connect  # type: ignore[assignment]  # this child only
    open_store(Path(db))
    os._exit(0)


def test_a_kill_at_any_statement_of_the_first_open_leaves_a_usable_store(
    tmp_path: Path,
) -> None:
    ctx = multiprocessing.get_context("fork")
    statements = 0
    for at in range(1, 60):
        db = tmp_path / f"killed_{at}.sqlite"
        child = ctx.Process(target=_die_in_first_open, args=(str(db), at))
        child.start()
        child.join(30)
        if child.exitcode == 0:  # the open finished before statement `at`
            break
        assert child.exitcode == -signal.SIGKILL
        statements = at
        with open_store(db) as store:  # never refused: no tables, or all of them
            assert store.count("reports") == 0
        assert version(db) == [(STORE_VERSION,)]
        assert set(objects(db)) == TABLES | VIEWS
    assert statements > 20  # the kill landed inside the creation, statement by statement


def _open_and_close(db: Path) -> None:
    open_store(db).close()


def test_random_kills_during_first_opens(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    rng = random.Random(9)
    for trial in range(15):
        db = tmp_path / f"r{trial}.sqlite"
        child = ctx.Process(target=_open_and_close, args=(db,))
        child.start()
        time.sleep(rng.uniform(0, 0.03))
        if child.pid is not None and child.exitcode is None:
            os.kill(child.pid, signal.SIGKILL)
        child.join(30)
        with open_store(db) as store:
            assert store.count("files") == 0
        assert version(db) == [(STORE_VERSION,)]


def load_v1(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.executescript((FIXTURES / "store_v1.sql").read_text(encoding="utf-8"))


def test_a_version_1_store_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "v1.sqlite"
    load_v1(db)
    assert version(db) == [(1,)]
    with sqlite3.connect(db) as conn:  # the version 1 bug: one path, two reports
        assert conn.execute("SELECT count(*) FROM station_summary").fetchone() == (2,)
    with open_store(db) as store:
        assert store.count("reports") == 2  # nothing stored is lost
        assert store.count("files") == 1
        [failure] = store.failures()
        assert failure.error_type == "NotAPdfError" and failure.path == "/tmp/v1/in/bad.pdf"
    assert version(db) == [(STORE_VERSION,)]
    assert set(objects(db)) == TABLES | VIEWS
    with sqlite3.connect(db) as conn:
        [(path, sha, previous, changed)] = conn.execute(
            "SELECT path, sha256, previous_sha256, changed_at FROM files"
        ).fetchall()
        assert path == "/tmp/v1/in/a.pdf" and previous is not None and changed is not None
        summary = conn.execute("SELECT station, sha256, copies FROM station_summary").fetchall()
        assert summary == [("蘅阳市凤栖街社工服务站", sha, 1)]  # the file's current content
        superseded = conn.execute("SELECT sha256, station FROM superseded_reports").fetchall()
        assert superseded == [(previous, "岫山市鹭洲街社工服务站")]
        raw = conn.execute("SELECT raw_path FROM failures").fetchone()[0]
        assert raw == b"/tmp/v1/in/bad.pdf"


def test_an_interrupted_upgrade_leaves_version_1(tmp_path: Path) -> None:
    db = tmp_path / "v1.sqlite"
    load_v1(db)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE files (x)")
        raise sqlite3.OperationalError("disk I/O error")

    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(store_schema._UPGRADES, 1, broken)
        with pytest.raises(StoreError, match="disk I/O error"):
            open_store(db)
    assert version(db) == [(1,)]
    assert "files" not in objects(db)
    with open_store(db) as store:
        assert store.count("files") == 1


def test_a_newer_store_is_refused_with_what_to_do(tmp_path: Path) -> None:
    db = tmp_path / "future.sqlite"
    open_store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (STORE_VERSION + 1,))
    with pytest.raises(StoreError, match="newer Pinggu") as info:
        open_store(db)
    assert "upgrade Pinggu" in info.value.hint and "PDF" not in info.value.hint


def test_a_creation_interrupted_by_pinggu_0_1_is_repaired_only_when_empty(
    tmp_path: Path,
) -> None:
    """Pinggu 0.1 created its tables outside a transaction: a kill could leave the
    version table without its row, which that version then refused forever."""
    db = tmp_path / "half.sqlite"
    with sqlite3.connect(db) as conn:
        conn.executescript(
            "CREATE TABLE schema_version (version INTEGER NOT NULL);"
            "CREATE TABLE reports (sha256 TEXT PRIMARY KEY);"
        )
    with open_store(db) as store:
        assert store.count("reports") == 0
    assert version(db) == [(STORE_VERSION,)]
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM schema_version")
        conn.execute(
            "INSERT INTO failures VALUES ('a.pdf', NULL, 'X', 'm', 'h', 2, 't', x'612e706466')"
        )
    with pytest.raises(StoreError, match="has data but no version") as info:
        open_store(db)
    assert "INSERT INTO schema_version" in info.value.hint


def test_a_file_that_is_not_a_store_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a Pinggu store") as info:
        open_store(other)
    assert "PDF" not in info.value.hint and info.value.exit_code == 2
    with sqlite3.connect(other) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    junk = tmp_path / "junk.sqlite"
    junk.write_text("hello, not sqlite" * 100)
    with pytest.raises(StoreError, match="not an SQLite database"):
        open_store(junk)


def test_a_store_locked_too_long_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "locked.sqlite"
    open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match="locked") as info:
            open_store(db, busy_timeout_s=0.5)
        assert time.monotonic() - started < 10
        assert "another process" in info.value.hint
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def report(sha: str, name: str) -> Report:
    return Report(source=Source(file=name, sha256=sha), status="success")


def test_file_rows_show_copies_and_replaced_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    a.write_bytes(b"one")
    b.write_bytes(b"one")
    with open_store(tmp_path / "s.sqlite") as store:
        store.save(report("1" * 64, "a.pdf"), a, FileSeen.of(a, "1" * 64))
        store.saw(FileSeen.of(b, "1" * 64))  # same content under another name
        a.write_bytes(b"two")  # replaced at the same path
        store.save(report("2" * 64, "a.pdf"), a, FileSeen.of(a, "2" * 64))
        conn = store.conn
        files = conn.execute(
            "SELECT path, sha256, previous_sha256, size FROM files ORDER BY path"
        ).fetchall()
        assert files == [(str(a), "2" * 64, "1" * 64, 3), (str(b), "1" * 64, None, 3)]
        status = conn.execute("SELECT path, status, copies FROM file_status ORDER BY path")
        assert status.fetchall() == [(str(a), "stored", 1), (str(b), "stored", 1)]
        summary = conn.execute("SELECT file, copies FROM station_summary ORDER BY file")
        assert summary.fetchall() == [("a.pdf", 1), ("a.pdf", 1)]
        b.unlink()
        store.fail(b, StoreError(b, "gone", "h"), seen=FileSeen.of(b, None))
        summary = conn.execute("SELECT sha256 FROM station_summary").fetchall()
        assert summary == [("2" * 64,)]  # each current content once; old one superseded
        superseded = conn.execute("SELECT sha256 FROM superseded_reports").fetchall()
        assert superseded == [("1" * 64,)]


def test_a_store_keeps_printed_and_recomputed_figures_side_by_side(tmp_path: Path) -> None:
    """Version 3 on the version 1 fixture's reports (rebuilt from their records): every
    table of a report carries its integer id and identity; each printed rate sits beside
    the recomputed one with the checker's verdict; Chinese names beside canonical ids."""
    db = tmp_path / "v1.sqlite"
    load_v1(db)
    open_store(db).close()
    with sqlite3.connect(db) as conn:
        ids = dict(conn.execute("SELECT sha256, report_id FROM reports").fetchall())
        assert sorted(ids.values()) == [1, 2]
        for table in ("findings", "indicator_rows", "assessments", "party_scores", "records"):
            pairs = set(conn.execute(f"SELECT sha256, report_id FROM {table}").fetchall())
            assert pairs and all(ids[sha] == rid for sha, rid in pairs), table
        records = conn.execute("SELECT report_id, record FROM records").fetchall()
        for rid, record in records:
            report = Report.model_validate_json(record)
            for table, n in (
                ("indicator_rows", len(report.indicators.rows)),
                ("narrative", len(report.indicators.narrative)),
                ("roster", len(report.staffing.roster)),
                ("findings", len(report.findings)),
            ):
                got = conn.execute(f"SELECT count(*) FROM {table} WHERE report_id = ?", (rid,))
                assert got.fetchone()[0] == n, table
        totals = conn.execute("SELECT total, total_recomputed, total_consistent FROM reports")
        for total, recomputed, consistent in totals.fetchall():
            assert consistent == 1 and abs(total - recomputed) < 0.01
        zh = conn.execute("SELECT DISTINCT party, party_zh FROM party_scores").fetchall()
        assert ("third_party", "第三方") in zh


def test_the_seed_printed_rate_sits_beside_the_recomputed_one(
    tmp_path: Path, corpus_reports: CorpusReports
) -> None:
    """The seed prints 274.94% for 552 of 600 casework sessions: the store says 92.0 and
    `consistent` 0 beside it, and only rows the checker flagged are inconsistent."""
    db = tmp_path / "seed.sqlite"
    with open_store(db) as store:
        store.save(corpus_reports(SEED), SEED)
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT report_id, station, district, year, indicator_zh, label, area_key, "
            "pct, pct_printed, pct_recomputed, consistent FROM indicator_rows "
            "WHERE scope = 'total' AND indicator = 'casework' AND measure = 'sessions'"
        ).fetchone()
        assert row == (1, "广州市西村街社工服务站", "荔湾区", 2024, "专业个案", row[5], "合计",
                       274.94, "274.94%", 92.0, 0)  # fmt: skip
        rows = conn.execute(
            "SELECT indicator_zh, pct, pct_recomputed, consistent FROM indicator_rows "
            "WHERE pct IS NOT NULL AND target > 0"
        ).fetchall()
        assert {r[-1] for r in rows} >= {0, 1}
        for zh, pct, recomputed, consistent in rows:
            assert zh and "_" not in zh
            if consistent == 1:
                assert abs(pct - recomputed) < 1  # within the printed precision
        flagged = conn.execute(
            "SELECT count(*) FROM findings f JOIN indicator_rows i "
            "ON i.report_id = f.report_id AND f.ref = 'indicators/' || i.table_label || '/' "
            "|| i.area || '/' || i.indicator || '/' || i.measure || '/pct' "
            "WHERE f.severity = 'error' AND f.rule LIKE 'pct.%'"
        ).fetchone()[0]
        assert flagged == sum(1 for r in rows if r[-1] == 0) > 0
        staffing = dict(conn.execute("SELECT figure, value FROM staffing").fetchall())
        assert staffing["retention_rate"] > 0
        assert conn.execute("SELECT count(*) FROM roster").fetchone()[0] > 0


def test_a_reader_refuses_an_older_store_and_says_how_to_upgrade(tmp_path: Path) -> None:
    from extractor.store import read_store

    db = tmp_path / "v1.sqlite"
    load_v1(db)
    with pytest.raises(StoreError, match="older") as info:
        read_store(db)
    assert "pinggu batch" in info.value.hint
    assert version(db) == [(1,)]  # a reader does not change the file
