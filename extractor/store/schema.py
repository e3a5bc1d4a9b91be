"""The store's tables, its version, and opening it safely (create, upgrade, refuse).

Opening is one `BEGIN IMMEDIATE` transaction: read the version, then create the tables
(a new file), upgrade them step by step (an older store) or refuse (not a store, or a
newer one). Two processes opening a new file at once therefore serialise on SQLite's
write lock instead of both creating tables, and a process killed at any point leaves
either no tables or all of them at one version. `database is locked` is waited out
(SQLite's busy timeout, then retries with back-off) up to `busy_timeout_s`.

Version history (bump `STORE_VERSION` and add a step to `_UPGRADES` for every change):
1. reports and their flat child tables, failures keyed by path text, `station_summary`.
2. `files` (every path seen, with its content hash, size, mtime, first/last seen,
   previous content), paths keyed by their exact bytes (`raw_path`) beside readable
   text, `station_summary` limited to reports some file still holds, views
   `file_status` and `superseded_reports`.
3. an integer `report_id` and the identity columns (file, station, district, street,
   year, kind) on every table of a report; printed and recomputed values side by side
   (`pct_recomputed`, `consistent`, `total_recomputed`, `total_consistent`); Chinese
   names beside canonical ids; `narrative`, `staffing`, `roster` and `problems` tables;
   the record JSON in `records`. The upgrade rebuilds every table from the stored
   records, so nothing stored is lost.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Self

from pydantic import ValidationError

from extractor.errors import StoreError
from extractor.filenames import raw, shown
from extractor.records import Report
from extractor.store.report_rows import CHILD_TABLES, insert_report

STORE_VERSION = 3
BUSY_TIMEOUT_S = 30.0

# A report's tables, children first (the order they are deleted in before a rewrite).
REPORT_TABLES = (*CHILD_TABLES, "records", "reports")

# Every table of a report starts with its integer id (Datasette links it to `reports`
# and shows the station), its sha256, and the identity columns of `extractor.rows`
# (file, station, district, street, year, kind), so any table filters and facets by
# station, district or year without a join. Rows are those of `Report.to_frames()`
# (`extractor.store.report_rows` adds the store's own columns).
_REPORT = """
CREATE TABLE reports (
    report_id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
{identity},
    status TEXT NOT NULL,
    pages INTEGER,
    city TEXT,
    operator TEXT,
    evaluator TEXT,
    total REAL,
    total_printed TEXT,
    total_recomputed REAL,
    total_consistent INTEGER,
    grade TEXT,
    errors INTEGER,
    warnings INTEGER,
    infos INTEGER,
    checks_possible INTEGER,
    checks_run INTEGER,
    problems INTEGER,
    path TEXT NOT NULL,
    extractor_version TEXT,
    extracted_at TEXT NOT NULL
);
CREATE INDEX reports_district ON reports (district);
CREATE INDEX reports_year ON reports (year);
CREATE INDEX reports_operator ON reports (operator);
CREATE TABLE records (
    report_id INTEGER PRIMARY KEY REFERENCES reports (report_id),
    sha256 TEXT NOT NULL UNIQUE,
    record TEXT NOT NULL
)
"""
_IDENTITY = """    file TEXT,
    station TEXT,
    district TEXT,
    street TEXT,
    year INTEGER,
    kind TEXT"""

# A report's child tables: name → its own columns (after the id, sha256 and identity),
# and any index of its own.
_CHILDREN = {
    "findings": """
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    page INTEGER,
    ref TEXT,
    printed TEXT,
    expected TEXT,
    tolerance TEXT,
    tolerance_zh TEXT,
    cause TEXT,
    cause_zh TEXT,
    explanation_zh TEXT,
    explanation_en TEXT,
    ruled_out TEXT,
    ruled_out_zh TEXT""",
    "indicator_rows": """
    table_label TEXT NOT NULL,
    scope TEXT,
    area TEXT,
    area_key TEXT,
    post TEXT,
    indicator TEXT NOT NULL,
    indicator_zh TEXT,
    label TEXT,
    measure TEXT NOT NULL,
    target REAL,
    target_printed TEXT,
    done REAL,
    done_printed TEXT,
    pct REAL,
    pct_printed TEXT,
    pct_recomputed REAL,
    consistent INTEGER,
    uncertain TEXT,
    page INTEGER""",
    "narrative": """
    indicator TEXT,
    indicator_zh TEXT,
    measure TEXT,
    kind_of_figure TEXT,
    value REAL,
    printed TEXT,
    unit TEXT,
    scope TEXT,
    approx INTEGER,
    sentence TEXT,
    page INTEGER""",
    "assessments": """
    party TEXT NOT NULL,
    polarity TEXT NOT NULL,
    area TEXT,
    ordinal INTEGER,
    headline TEXT NOT NULL,
    text TEXT NOT NULL,
    themes TEXT NOT NULL,
    page INTEGER""",
    "party_scores": """
    party TEXT NOT NULL,
    party_zh TEXT,
    weight REAL,
    score REAL""",
    "staffing": """
    figure TEXT NOT NULL,
    value REAL,
    printed TEXT,
    page INTEGER""",
    "roster": """
    staff_group TEXT,
    seq INTEGER,
    name TEXT,
    position TEXT,
    qualification TEXT,
    contract TEXT,
    on_post REAL,
    experienced REAL,
    note TEXT,
    page INTEGER""",
    "problems": """
    stage TEXT,
    message TEXT,
    page INTEGER,
    detail TEXT""",
}
_CHILD_INDEXES = """
CREATE INDEX findings_rule ON findings (rule);
CREATE INDEX indicator_rows_indicator ON indicator_rows (indicator, measure)
"""


def _child(name: str, columns: str) -> str:
    return f"""CREATE TABLE {name} (
    report_id INTEGER NOT NULL REFERENCES reports (report_id),
    sha256 TEXT NOT NULL,
{_IDENTITY},
{columns.strip(chr(10))}
);
CREATE INDEX {name}_report ON {name} (report_id);
CREATE INDEX {name}_sha256 ON {name} (sha256)"""


_REPORTS = ";\n".join(
    [
        _REPORT.format(identity=_IDENTITY),
        *(_child(n, c) for n, c in _CHILDREN.items()),
        _CHILD_INDEXES,
    ]
)

# Paths: `path` is readable text (bytes that are not UTF-8 written \xNN, see
# extractor.filenames), `raw_path` the exact bytes and the key.
_FILES = """
CREATE TABLE files (
    path TEXT NOT NULL,
    sha256 TEXT,
    size INTEGER,
    mtime TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    previous_sha256 TEXT,
    changed_at TEXT,
    raw_path BLOB PRIMARY KEY
);
CREATE INDEX files_sha256 ON files (sha256);
CREATE INDEX files_path ON files (path)
"""

_FAILURES = """
CREATE TABLE failures (
    path TEXT NOT NULL,
    sha256 TEXT,
    error_type TEXT NOT NULL,
    message TEXT NOT NULL,
    hint TEXT NOT NULL,
    exit_code INTEGER NOT NULL,
    failed_at TEXT NOT NULL,
    raw_path BLOB PRIMARY KEY
)
"""

_VIEWS = """
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
    (SELECT count(*) FROM files p WHERE p.sha256 = r.sha256) AS copies,
    r.file, r.report_id, r.sha256
FROM reports r
WHERE EXISTS (SELECT 1 FROM files p WHERE p.sha256 = r.sha256);
CREATE VIEW file_status AS
SELECT
    f.path, f.sha256,
    CASE WHEN r.sha256 IS NOT NULL THEN 'stored'
         WHEN x.raw_path IS NOT NULL THEN 'failed'
         ELSE 'pending' END AS status,
    x.error_type, x.message,
    (SELECT count(*) FROM files d WHERE d.sha256 = f.sha256) AS copies,
    f.size, f.mtime, f.first_seen, f.last_seen, f.previous_sha256, f.changed_at
FROM files f
LEFT JOIN reports r ON r.sha256 = f.sha256
LEFT JOIN failures x ON x.raw_path = f.raw_path;
CREATE VIEW superseded_reports AS
SELECT r.report_id, r.sha256, r.file, r.path, r.station, r.year, r.kind, r.extracted_at
FROM reports r
WHERE NOT EXISTS (SELECT 1 FROM files p WHERE p.sha256 = r.sha256)
"""

_OBJECTS = (  # every table and view of the current version, dropped in this order
    ("view", "station_summary"),
    ("view", "file_status"),
    ("view", "superseded_reports"),
    *(("table", t) for t in REPORT_TABLES),
    ("table", "files"),
    ("table", "failures"),
    ("table", "schema_version"),
)


def _run(conn: sqlite3.Connection, script: str) -> None:
    """Statement by statement: `executescript` would commit the open transaction."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _create(conn: sqlite3.Connection) -> None:
    _run(conn, "CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for script in (_REPORTS, _FILES, _FAILURES, _VIEWS):
        _run(conn, script)
    conn.execute("INSERT INTO schema_version VALUES (?)", (STORE_VERSION,))


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def iso_mtime(mtime: float) -> str:
    return dt.datetime.fromtimestamp(mtime, dt.UTC).isoformat(timespec="seconds")


def _stat(path: str) -> tuple[int | None, str | None]:
    try:
        st = os.stat(path)
    except OSError:
        return None, None
    return st.st_size, iso_mtime(st.st_mtime)


def _upgrade_1_to_2(conn: sqlite3.Connection) -> None:
    """Add `files`: one row per path a report came from. Where one path held several
    contents (version 1 kept a replaced file's old report), the latest extracted is
    current and the one before it `previous_sha256`. Key failures by their path's
    bytes; recreate the views. Relative paths of version 1 are taken as relative to
    the directory the upgrade runs in."""
    conn.execute("DROP VIEW IF EXISTS station_summary")
    _run(conn, _FILES)
    seen: dict[str, list[tuple[str, str]]] = {}
    for path, sha, at in conn.execute(
        "SELECT path, sha256, extracted_at FROM reports ORDER BY extracted_at, rowid"
    ):
        seen.setdefault(os.path.abspath(path), []).append((sha, at))
    for full, contents in seen.items():
        (sha, last), first = contents[-1], contents[0][1]
        previous, changed = (contents[-2][0], last) if len(contents) > 1 else (None, None)
        size, mtime = _stat(full)
        conn.execute(
            "INSERT INTO files VALUES (?,?,?,?,?,?,?,?,?)",
            (shown(full), sha, size, mtime, first, last, previous, changed, raw(full)),
        )
    conn.execute("ALTER TABLE failures RENAME TO failures_v1")
    _run(conn, _FAILURES)
    for row in conn.execute("SELECT * FROM failures_v1").fetchall():
        full = os.path.abspath(row[0])
        conn.execute(
            "INSERT OR REPLACE INTO failures VALUES (?,?,?,?,?,?,?,?)",
            (shown(full), *row[1:], raw(full)),
        )
    conn.execute("DROP TABLE failures_v1")
    # the views are made by the last step (their tables change with the versions)


def _upgrade_2_to_3(conn: sqlite3.Connection) -> None:
    """Rebuild the report tables from each report's stored record (the record is the
    whole of what was read; the flat tables of version 2 are a subset of it), keeping
    its path and when it was extracted; report ids in the order reports were stored."""
    for view in ("station_summary", "file_status", "superseded_reports"):
        conn.execute(f"DROP VIEW IF EXISTS {view}")
    old = ("findings", "indicator_rows", "assessments", "party_scores", "reports")
    for table in old:
        conn.execute(f"ALTER TABLE {table} RENAME TO {table}_v2")
    for table in old:  # their indexes keep their names when renamed
        for (index,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL",
            (f"{table}_v2",),
        ).fetchall():
            conn.execute(f"DROP INDEX {index}")
    _run(conn, _REPORTS)
    stored = conn.execute(
        "SELECT path, extracted_at, record FROM reports_v2 ORDER BY extracted_at, rowid"
    ).fetchall()
    for path, extracted_at, record in stored:
        report = Report.model_validate_json(record)
        insert_report(conn, report, path=path, extracted_at=extracted_at)
    for table in old:
        conn.execute(f"DROP TABLE {table}_v2")


# version found → the step that takes a store from it to the next version
_UPGRADES: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _upgrade_1_to_2,
    2: _upgrade_2_to_3,
}


def connect(path: Path, busy_timeout_s: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A connection to the store at `path`, created or upgraded to `STORE_VERSION`.

    Autocommit mode: the caller opens its own `BEGIN IMMEDIATE` transactions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + busy_timeout_s
    delay = 0.02
    while True:
        conn = sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None)
        try:
            _prepare(conn, path)
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if not _busy(exc):
                raise StoreError(path, f"cannot open the store: {exc}", _HINT_FILE) from None
            if time.monotonic() >= deadline:
                detail = f"the store stayed locked for {busy_timeout_s:g} s ({exc})"
                raise StoreError(path, detail, _HINT_LOCKED) from None
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(path, f"not an SQLite database ({exc})", _HINT_OTHER) from None
        except BaseException:
            conn.close()
            raise
        time.sleep(delay * (1 + random.random()))  # jitter: two openers do not collide again
        delay = min(delay * 2, 1.0)


_HINT_FILE = "check that the --db path is a writable file on a local disk"
_HINT_OTHER = "give --db the path of a Pinggu store, or a new file name to create one"
_HINT_LOCKED = (
    "another process holds the store's write lock: wait for it to finish, or use another --db"
)


def _busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        _create_or_upgrade(conn, path)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    # Only now that the file is known to be a store: WAL lets readers (a notebook,
    # Datasette) look in while a batch writes. With synchronous=NORMAL a crash keeps the
    # store consistent; a power cut may only lose the last commits, which a rerun redoes.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def _create_or_upgrade(conn: sqlite3.Connection, path: Path) -> None:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    if not names:
        _create(conn)
        return
    if "schema_version" not in names:
        raise StoreError(path, "an SQLite file that is not a Pinggu store", _HINT_OTHER)
    found = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    if found is None:
        _repair_interrupted_creation(conn, path, names)
        return
    if found > STORE_VERSION:
        raise StoreError(
            path,
            f"store version {found} was written by a newer Pinggu; this one reads "
            f"versions up to {STORE_VERSION}",
            "upgrade Pinggu (pip install -U pinggu), or give --db another file",
        )
    if found == STORE_VERSION:
        return
    while found < STORE_VERSION:
        step = _UPGRADES.get(found)
        if step is None:
            raise StoreError(
                path,
                f"store version {found} cannot be upgraded to {STORE_VERSION}",
                "extract into a new --db file (the reports are re-read from the PDFs)",
            )
        try:
            step(conn)
        except ValidationError as exc:
            raise StoreError(
                path,
                f"store version {found} holds a record this Pinggu cannot read "
                f"({exc.error_count()} problems, e.g. {exc.errors()[0]['msg']})",
                "extract into a new --db file (the reports are re-read from the PDFs)",
            ) from None
        found += 1
    _run(conn, _VIEWS)
    conn.execute("UPDATE schema_version SET version = ?", (STORE_VERSION,))


def _repair_interrupted_creation(conn: sqlite3.Connection, path: Path, names: set[str]) -> None:
    """A version table without a version: Pinggu 0.1 created its tables outside one
    transaction, so a kill during its first open left this. Recreate it when it holds
    no data; refuse otherwise, since nothing stored may be lost."""
    for table in ("reports", "failures", "files"):
        if table in names and conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            raise StoreError(
                path,
                "the store has data but no version number",
                "open it with sqlite3 and add one: INSERT INTO schema_version VALUES (1)",
            )
    for kind, name in _OBJECTS:
        conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    _create(conn)


class Connected:
    """An open store connection (`conn`), writing or reading; use as a context manager
    or call `close()`."""

    conn: sqlite3.Connection

    def __enter__(self) -> Self:
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
