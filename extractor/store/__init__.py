"""Where batch results live: a SQLite file researchers open in a notebook or Datasette."""

from extractor.store.sqlite import STORE_VERSION, FailureRow, Store, open_store

__all__ = ["STORE_VERSION", "FailureRow", "Store", "open_store"]
