"""The SQLite store of a batch run: one row per report plus flat child tables.

The full `Report` stays in `reports.record` (JSON) so nothing is lost; the flat tables
(findings, indicator rows, assessments, party scores) exist so a researcher can compare
stations, districts, operators and years with plain SQL, in a notebook or Datasette.
Only one process writes (the batch parent); WAL mode lets readers look in meanwhile.
A report is saved in one transaction that first deletes whatever that sha256 had, so a
rerun or `--force` never duplicates rows and a crash never leaves half a report.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from extractor.errors import EXIT_INTERNAL, InputError, PingguError
from extractor.records import Cell, IndicatorRow, Report, Text

STORE_VERSION = 1

_CHILD_TABLES = ("findings", "indicator_rows", "assessments", "party_scores")

_SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE reports (
    sha256 TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    path TEXT NOT NULL,
    status TEXT NOT NULL,
    pages INTEGER,
    station TEXT,
    street TEXT,
    district TEXT,
    city TEXT,
    kind TEXT,
    year INTEGER,
    operator TEXT,
    evaluator TEXT,
    total REAL,
    grade TEXT,
    extractor_version TEXT,
    extracted_at TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX reports_district ON reports (district);
CREATE INDEX reports_year ON reports (year);
CREATE INDEX reports_operator ON reports (operator);
CREATE TABLE findings (
    sha256 TEXT NOT NULL REFERENCES reports (sha256),
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    ref TEXT,
    page INTEGER,
    printed TEXT,
    expected TEXT,
    explanation_zh TEXT,
    explanation_en TEXT
);
CREATE INDEX findings_sha256 ON findings (sha256);
CREATE TABLE indicator_rows (
    sha256 TEXT NOT NULL REFERENCES reports (sha256),
    table_label TEXT NOT NULL,
    area TEXT,
    indicator TEXT NOT NULL,
    measure TEXT NOT NULL,
    target REAL,
    done REAL,
    pct REAL,
    target_printed TEXT,
    done_printed TEXT,
    pct_printed TEXT,
    page INTEGER
);
CREATE INDEX indicator_rows_sha256 ON indicator_rows (sha256);
CREATE INDEX indicator_rows_indicator ON indicator_rows (indicator, measure);
CREATE TABLE assessments (
    sha256 TEXT NOT NULL REFERENCES reports (sha256),
    party TEXT NOT NULL,
    polarity TEXT NOT NULL,
    area TEXT,
    ordinal INTEGER,
    headline TEXT NOT NULL,
    text TEXT NOT NULL,
    themes TEXT NOT NULL
);
CREATE INDEX assessments_sha256 ON assessments (sha256);
CREATE TABLE party_scores (
    sha256 TEXT NOT NULL REFERENCES reports (sha256),
    party TEXT NOT NULL,
    weight REAL,
    score REAL
);
CREATE INDEX party_scores_sha256 ON party_scores (sha256);
CREATE TABLE failures (
    path TEXT PRIMARY KEY,
    sha256 TEXT,
    error_type TEXT NOT NULL,
    message TEXT NOT NULL,
    hint TEXT NOT NULL,
    exit_code INTEGER NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE VIEW station_summary AS
SELECT
    r.station, r.street, r.district, r.city, r.year, r.kind, r.operator, r.evaluator,
    r.total, r.grade, r.status,
    (SELECT count(*) FROM findings f
      WHERE f.sha256 = r.sha256 AND f.severity = 'error') AS error_findings,
    (SELECT count(*) FROM findings f
      WHERE f.sha256 = r.sha256 AND f.severity = 'warning') AS warning_findings,
    (SELECT count(*) FROM assessments a
      WHERE a.sha256 = r.sha256 AND a.polarity = 'praise') AS praise_items,
    (SELECT count(*) FROM assessments a
      WHERE a.sha256 = r.sha256 AND a.polarity = 'concern') AS concern_items,
    r.file, r.sha256
FROM reports r;
"""


@dataclass(frozen=True, slots=True)
class FailureRow:
    """Why one file did not make it into the store."""

    path: str
    sha256: str | None
    error_type: str
    message: str
    hint: str
    exit_code: int


def failure_row(path: Path, exc: BaseException, sha256: str | None = None) -> FailureRow:
    """A PingguError keeps its class, message and hint; anything else is a bug."""
    if isinstance(exc, PingguError):
        return FailureRow(str(path), sha256, type(exc).__name__, str(exc), exc.hint, exc.exit_code)
    message = f"{type(exc).__name__}: {exc}"
    return FailureRow(
        str(path), sha256, "InternalError", " ".join(message.split()), "", EXIT_INTERNAL
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _text(t: Text | None) -> str | None:
    return t.value if t is not None else None


def _cell(c: Cell | None) -> tuple[float | None, str | None]:
    return (c.value, c.printed) if c is not None else (None, None)


def _row_page(row: IndicatorRow) -> int | None:
    for c in (row.done, row.target, row.pct):
        if c is not None and c.prov is not None:
            return c.prov.page
    return None


class Store:
    """An open store; use as a context manager or call `close()`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def has(self, sha256: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM reports WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def hashes(self) -> set[str]:
        """Every stored sha256: one query instead of one per file for a large batch."""
        return {r[0] for r in self.conn.execute("SELECT sha256 FROM reports")}

    def save(self, report: Report, path: Path) -> None:
        """Store one report (replacing any earlier one with that sha256) and clear the
        file's failure, all in one transaction."""
        sha = report.source.sha256
        if not sha:
            raise ValueError(f"{path}: report has no source.sha256 to key it by")
        with self.conn:
            self._delete(sha)
            self.conn.execute(
                "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                self._report_row(report, path, sha),
            )
            self._insert_children(report, sha)
            self.conn.execute("DELETE FROM failures WHERE path = ?", (str(path),))

    def fail(self, path: Path, exc: BaseException | FailureRow, sha256: str | None = None) -> None:
        """Record why `path` failed; a later failure of the same path replaces it."""
        row = exc if isinstance(exc, FailureRow) else failure_row(path, exc, sha256)
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO failures VALUES (?,?,?,?,?,?,?)",
                (
                    str(path),
                    row.sha256,
                    row.error_type,
                    row.message,
                    row.hint,
                    row.exit_code,
                    _now(),
                ),
            )

    def clear_failure(self, path: Path) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM failures WHERE path = ?", (str(path),))

    def failures(self) -> list[FailureRow]:
        rows = self.conn.execute(
            "SELECT path, sha256, error_type, message, hint, exit_code FROM failures ORDER BY path"
        )
        return [FailureRow(*r) for r in rows]

    def count(self, table: str) -> int:
        if table not in ("reports", "failures", *_CHILD_TABLES):
            raise ValueError(f"no table {table!r} in the store")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def _delete(self, sha: str) -> None:
        for table in (*_CHILD_TABLES, "reports"):
            self.conn.execute(f"DELETE FROM {table} WHERE sha256 = ?", (sha,))

    @staticmethod
    def _report_row(r: Report, path: Path, sha: str) -> tuple[Any, ...]:
        m, s = r.meta, r.scoring
        return (
            sha,
            r.source.file,
            str(path),
            r.status,
            r.source.pages,
            _text(m.station),
            _text(m.street),
            _text(m.district),
            _text(m.city),
            m.kind,
            m.year,
            _text(m.operator),
            _text(m.evaluator),
            s.total.value if s.total is not None else None,
            _text(s.grade),
            r.source.extractor_version,
            _now(),
            r.model_dump_json(exclude_none=True),
        )

    def _insert_children(self, r: Report, sha: str) -> None:
        self.conn.executemany("INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?)", _findings(r, sha))
        self.conn.executemany(
            "INSERT INTO indicator_rows VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", _indicators(r, sha)
        )
        self.conn.executemany(
            "INSERT INTO assessments VALUES (?,?,?,?,?,?,?,?)", _assessments(r, sha)
        )
        self.conn.executemany("INSERT INTO party_scores VALUES (?,?,?,?)", _scores(r, sha))


def _findings(r: Report, sha: str) -> Iterator[tuple[Any, ...]]:
    for f in r.findings:
        loc = f.locations[0] if f.locations else None
        yield (
            sha,
            f.rule,
            f.severity,
            loc.ref if loc else None,
            loc.page if loc else None,
            f.printed,
            f.expected,
            f.explanation_zh,
            f.explanation_en,
        )


def _indicators(r: Report, sha: str) -> Iterator[tuple[Any, ...]]:
    for row in r.indicators.rows:
        (target, target_p), (done, done_p), (pct, pct_p) = map(
            _cell, (row.target, row.done, row.pct)
        )
        yield (
            sha,
            row.table,
            row.area,
            row.indicator,
            row.measure,
            target,
            done,
            pct,
            target_p,
            done_p,
            pct_p,
            _row_page(row),
        )


def _assessments(r: Report, sha: str) -> Iterable[tuple[Any, ...]]:
    return [
        (
            sha,
            a.party,
            a.polarity,
            a.area,
            a.ordinal,
            a.headline,
            a.text,
            json.dumps(a.themes, ensure_ascii=False),
        )
        for a in r.assessments
    ]


def _scores(r: Report, sha: str) -> list[tuple[Any, ...]]:
    """One row per party named in the weights or the scores (either may be missing)."""
    weights = {w.party: w.weight for w in r.scoring.weights}
    scores = {p.party: p.score.value for p in r.scoring.party_scores}
    parties = list(dict.fromkeys([*weights, *scores]))
    return [(sha, p, weights.get(p), scores.get(p)) for p in parties]


def open_store(path: Path) -> Store:
    """Open (creating if needed) the store at `path`, in WAL mode.

    A file that is not a Pinggu store, or one written by another store version, is an
    input problem rather than something to overwrite."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL stays consistent after a crash; a power cut may only lose the last
        # commits, which a rerun then redoes.
        conn.execute("PRAGMA synchronous = NORMAL")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if not tables:
            conn.executescript(_SCHEMA)
            with conn:
                conn.execute("INSERT INTO schema_version VALUES (?)", (STORE_VERSION,))
        elif "schema_version" not in tables:
            raise InputError(path, "an SQLite file that is not a Pinggu store")
        else:
            found = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
            if found != STORE_VERSION:
                raise InputError(path, f"store version {found}, this Pinggu writes {STORE_VERSION}")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise InputError(path, f"not an SQLite database: {exc}") from None
    except PingguError:
        conn.close()
        raise
    return Store(conn, path)
