"""Reading a store back: its tables and views as `Table`s (for `pinggu export`) or pandas
DataFrames (`extractor.open_store`), through a read-only connection, so a reader never
creates, upgrades or locks the file a batch may be writing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from extractor.errors import StoreError
from extractor.records import Report
from extractor.redaction import pseudonyms, redact_text
from extractor.rows import IDENTITY, Table, frames
from extractor.store.schema import STORE_VERSION, Connected

# Columns no spreadsheet wants: the whole record as JSON (tens of KB, over Excel's
# 32,767 characters per cell) and the exact bytes of a path (its text is in `path`); a
# table left with nothing else (`records`) is left out.
BULK_COLUMNS = frozenset({"record", "raw_path"})
_KEYS = frozenset({"report_id", "sha256"})
_HINT = "give the path of a store written by `pinggu batch --db`"


class StoreTables(Connected):
    """A store opened for reading (`Connected`: a context manager)."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise StoreError(path, "no such store", _HINT)
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        self.path = path
        self._names: dict[str, dict[str, str]] | None = None
        self._ids: dict[str, dict[str, Any]] | None = None
        self.conn = sqlite3.connect(uri, uri=True)
        try:
            names = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
            if "schema_version" not in names:
                raise StoreError(path, "an SQLite file that is not a Pinggu store", _HINT)
            found = self.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(path, f"not an SQLite database ({exc})", _HINT) from None
        except BaseException:
            self.conn.close()
            raise
        if found is not None and found > STORE_VERSION:
            self.conn.close()
            raise StoreError(
                path,
                f"store version {found} was written by a newer Pinggu; this one reads "
                f"versions up to {STORE_VERSION}",
                "upgrade Pinggu (pip install -U pinggu)",
            )
        if found is not None and found < STORE_VERSION:
            self.conn.close()
            raise StoreError(
                path,
                f"store version {found} is older than this Pinggu's ({STORE_VERSION}); "
                "a reader does not change the file",
                "upgrade it in place, keeping every stored report: pinggu batch FOLDER --db "
                f"{path} (the folder it was built from; stored files are not read again)",
            )

    def names(self) -> list[str]:
        """Tables, then views, in the order the store created them (no version table)."""
        rows = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite_%' AND name != 'schema_version' "
            "ORDER BY type = 'view', rowid"
        )
        return [r[0] for r in rows]

    def table(self, name: str, *, bulk: bool = True, redact_names: bool = False) -> Table:
        """One table or view. A table keyed by `sha256` gets the identity columns it
        lacks (file, station, district, street, year, kind of its report) in front, so
        every row says which report it is about. Without `bulk` the `BULK_COLUMNS` are
        left out; with `redact_names` every staff name of a row's report is its
        pseudonym (`extractor.redaction`)."""
        if name not in self.names():
            raise KeyError(f"no table or view {name!r} in {self.path}")
        cur = self.conn.execute(f'SELECT * FROM "{name}"')
        columns = [d[0] for d in cur.description]
        keep = [i for i, c in enumerate(columns) if bulk or c not in BULK_COLUMNS]
        rows = [tuple(r[i] for i in keep) for r in cur]
        table = self._identified(Table(name, [columns[i] for i in keep], rows))
        return self._redacted(table) if redact_names else table

    def tables(self, *, bulk: bool = True, redact_names: bool = False) -> list[Table]:
        """Every table and view; without `bulk`, none that holds only bulk and keys."""
        out = [self.table(n, bulk=bulk, redact_names=redact_names) for n in self.names()]
        return [t for t in out if bulk or set(t.columns) - _KEYS - set(IDENTITY)]

    def frame(self, name: str) -> Any:
        """One table or view as a pandas DataFrame (the `pandas` extra)."""
        return frames([self.table(name)])[name]

    def frames(self) -> dict[str, Any]:
        """Every table and view as a DataFrame, name → frame."""
        return frames(self.tables())

    def sql(self, query: str, params: tuple[Any, ...] = ()) -> Any:
        """The result of a SELECT as a DataFrame."""
        cur = self.conn.execute(query, params)
        columns = [d[0] for d in cur.description]
        return frames([Table("sql", columns, [tuple(r) for r in cur])])["sql"]

    def __getitem__(self, name: str) -> Any:
        return self.frame(name)

    def _aliases(self) -> dict[str, dict[str, str]]:
        """sha256 → the staff names of its stored record → pseudonyms."""
        if self._names is None:
            self._names = {
                sha: pseudonyms(Report.model_validate_json(record).staffing)
                for sha, record in self.conn.execute("SELECT sha256, record FROM records")
            }
        return self._names

    def _identified(self, table: Table) -> Table:
        missing = [c for c in IDENTITY if c not in table.columns]
        if "sha256" not in table.columns or not missing:
            return table
        if self._ids is None:
            cur = self.conn.execute(f"SELECT sha256, {', '.join(IDENTITY)} FROM reports")
            self._ids = {r[0]: dict(zip(IDENTITY, r[1:], strict=True)) for r in cur}
        at = table.columns.index("sha256")
        rows = [
            tuple((self._ids.get(row[at]) or {}).get(c) for c in missing) + row
            for row in table.rows
        ]
        return Table(table.name, [*missing, *table.columns], rows)

    def _redacted(self, table: Table) -> Table:
        if "sha256" not in table.columns:
            return table
        aliases = self._aliases()
        at = table.columns.index("sha256")
        rows = []
        for row in table.rows:
            names = aliases.get(row[at]) or {}
            rows.append(
                tuple(redact_text(v, names) if isinstance(v, str) and names else v for v in row)
            )
        return Table(table.name, table.columns, rows)


def read_store(path: Path) -> StoreTables:
    """Open the store at `path` for reading; StoreError when it is missing, not a store,
    or newer than this Pinggu."""
    return StoreTables(path)
