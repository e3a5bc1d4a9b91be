"""models/columns.yaml: what every column of the store and of the tabular outputs means,
for the README sheet of an export and the column dictionary (docs/api.md)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field

from extractor.knowledge.loader import Data, load


class TableDoc(Data):
    description: str
    columns: dict[str, str] = Field(default_factory=dict)


class ColumnDictionary(Data):
    """Shared column meanings, and per table its description and its own meanings."""

    columns: dict[str, str]
    tables: dict[str, TableDoc]

    def meaning(self, table: str, column: str) -> str:
        """The table's own meaning of `column`, else the shared one, else ""."""
        doc = self.tables.get(table)
        if doc is not None and column in doc.columns:
            return doc.columns[column]
        return self.columns.get(column, "")

    def description(self, table: str) -> str:
        doc = self.tables.get(table)
        return doc.description if doc is not None else ""


@lru_cache(maxsize=1)
def column_dictionary() -> ColumnDictionary:
    return load(ColumnDictionary, "columns.yaml")
