"""Where batch results live: a SQLite file researchers open in a notebook or Datasette."""

from extractor.store.schema import STORE_VERSION
from extractor.store.sqlite import FailureRow, FileSeen, Store, failure_row, open_store
from extractor.store.tables import StoreTables, read_store

__all__ = [
    "STORE_VERSION",
    "FailureRow",
    "FileSeen",
    "Store",
    "StoreTables",
    "failure_row",
    "open_store",
    "read_store",
]
