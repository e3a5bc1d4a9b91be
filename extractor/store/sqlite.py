"""The SQLite store of a batch run: one row per report plus flat child tables.

The full `Report` stays in `records.record` (JSON) so nothing is lost; the flat tables
(findings, indicator rows, narrative figures, assessments, party scores, staffing,
roster, problems; `report_rows.py`) exist so a researcher can compare stations,
districts, operators and years with plain SQL, in a notebook or Datasette.
`files` says which path holds which content (so copies under other names and replaced
files show), `failures` why a path did not make it. Reports are keyed by content
(sha256), files and failures by the path's exact bytes.

Every write is one `BEGIN IMMEDIATE` transaction that leaves the store consistent: a
report with its child rows, its file's row and the end of the file's failure, or a
failure with its file's row. A crash never leaves half a report, and a rerun or
`--force` never duplicates rows. Several processes may write one store; SQLite's lock
serialises them (the busy timeout waits it out). Tables and versions: `schema.py`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import EXIT_INTERNAL, PingguError
from extractor.filenames import raw, safe_text, shown
from extractor.records import Report
from extractor.store.report_rows import insert_report
from extractor.store.schema import (
    BUSY_TIMEOUT_S,
    REPORT_TABLES,
    Connected,
    connect,
    iso_mtime,
    now,
)

_TABLES = (*REPORT_TABLES, "files", "failures")


@dataclass(frozen=True, slots=True)
class FailureRow:
    """Why one file did not make it into the store (text fields always valid UTF-8)."""

    path: str
    sha256: str | None
    error_type: str
    message: str
    hint: str
    exit_code: int


def failure_row(path: Path, exc: BaseException, sha256: str | None = None) -> FailureRow:
    """A PingguError keeps its class, message and hint; anything else is a bug."""
    if isinstance(exc, PingguError):
        return FailureRow(
            shown(path),
            sha256,
            type(exc).__name__,
            safe_text(str(exc)),
            safe_text(exc.hint),
            exc.exit_code,
        )
    message = " ".join(f"{type(exc).__name__}: {exc}".split())
    return FailureRow(shown(path), sha256, "InternalError", safe_text(message), "", EXIT_INTERNAL)


@dataclass(frozen=True, slots=True)
class FileSeen:
    """A path as the batch found it: absolute, with its content hash, size and mtime
    (`sha256` None when it could not be read)."""

    path: Path
    sha256: str | None
    size: int | None = None
    mtime: float | None = None

    @classmethod
    def of(cls, path: Path, sha256: str | None) -> FileSeen:
        """`path` made absolute (not resolved: the name the user sees), stat'ed if it can be."""
        full = Path(os.path.abspath(path))
        try:
            st = os.stat(full)
        except OSError:
            return cls(full, sha256)
        return cls(full, sha256, st.st_size, st.st_mtime)


class Store(Connected):
    """An open store, for writing (`Connected`: a context manager)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taking the write lock up front (`IMMEDIATE`): a reader
        turned writer could otherwise fail on a snapshot another process made stale."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def has(self, sha256: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM reports WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def hashes(self) -> set[str]:
        """Every stored sha256."""
        return {r[0] for r in self.conn.execute("SELECT sha256 FROM reports")}

    def save(self, report: Report, path: Path, seen: FileSeen | None = None) -> None:
        """Store one report (replacing any earlier one with that sha256), its file's row
        and the end of the file's failure, in one transaction."""
        sha = report.source.sha256
        if not sha:
            raise ValueError(f"{shown(path)}: report has no source.sha256 to key it by")
        seen = seen or FileSeen.of(path, sha)
        with self.transaction() as conn:
            kept = conn.execute("SELECT report_id FROM reports WHERE sha256 = ?", (sha,)).fetchone()
            self._delete(sha)
            insert_report(
                conn,
                report,
                path=shown(seen.path),
                extracted_at=now(),
                report_id=kept[0] if kept else None,
            )
            self._file(seen)
            conn.execute("DELETE FROM failures WHERE raw_path = ?", (raw(seen.path),))

    def saw(self, seen: FileSeen) -> None:
        """A path whose content is already stored (a copy, or a file seen before): its
        file row, and the end of any failure it had."""
        with self.transaction() as conn:
            self._file(seen)
            conn.execute("DELETE FROM failures WHERE raw_path = ?", (raw(seen.path),))

    def fail(
        self,
        path: Path,
        exc: BaseException | FailureRow,
        sha256: str | None = None,
        seen: FileSeen | None = None,
    ) -> None:
        """Record why `path` failed, with its file row; a later failure replaces it."""
        row = exc if isinstance(exc, FailureRow) else failure_row(path, exc, sha256)
        seen = seen or FileSeen.of(path, row.sha256)
        with self.transaction() as conn:
            self._file(seen)
            conn.execute(
                "INSERT OR REPLACE INTO failures VALUES (?,?,?,?,?,?,?,?)",
                (
                    shown(seen.path),
                    row.sha256,
                    row.error_type,
                    safe_text(row.message),
                    safe_text(row.hint),
                    row.exit_code,
                    now(),
                    raw(seen.path),
                ),
            )

    def clear_failure(self, path: Path) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM failures WHERE raw_path = ?", (raw(os.path.abspath(path)),))

    def failures(self) -> list[FailureRow]:
        rows = self.conn.execute(
            "SELECT path, sha256, error_type, message, hint, exit_code FROM failures ORDER BY path"
        )
        return [FailureRow(*r) for r in rows]

    def count(self, table: str) -> int:
        if table not in _TABLES:
            raise ValueError(f"no table {table!r} in the store")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def _file(self, seen: FileSeen) -> None:
        """Upsert the path's row; a new content keeps the old one as `previous_sha256`."""
        at = now()
        mtime = iso_mtime(seen.mtime) if seen.mtime is not None else None
        self.conn.execute(
            """
            INSERT INTO files VALUES (?,?,?,?,?,?,NULL,NULL,?)
            ON CONFLICT (raw_path) DO UPDATE SET
                previous_sha256 = CASE WHEN sha256 IS NOT excluded.sha256
                                       THEN sha256 ELSE previous_sha256 END,
                changed_at = CASE WHEN sha256 IS NOT excluded.sha256
                                  THEN excluded.last_seen ELSE changed_at END,
                sha256 = excluded.sha256, size = excluded.size, mtime = excluded.mtime,
                last_seen = excluded.last_seen
            """,
            (shown(seen.path), seen.sha256, seen.size, mtime, at, at, raw(seen.path)),
        )

    def _delete(self, sha: str) -> None:
        for table in REPORT_TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE sha256 = ?", (sha,))


def open_store(path: Path, busy_timeout_s: float = BUSY_TIMEOUT_S) -> Store:
    """Open the store at `path`: created if new, upgraded if older (`schema.py`); a file
    that is not a Pinggu store, or a newer one, is a `StoreError`, never overwritten."""
    return Store(connect(path, busy_timeout_s), path)
