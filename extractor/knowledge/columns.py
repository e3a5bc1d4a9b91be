"""models/columns.yaml: what every column of the store and of the tabular outputs means
(the README sheet of an export, Parquet field metadata, Datasette's metadata.yml) and
its Chinese header (`--lang zh`); models/datasette.yaml: how Datasette presents a store
(facets, the column that names a report, canned queries)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field

from extractor.knowledge.loader import Data, load


class TableDoc(Data):
    description: str
    columns: dict[str, str] = Field(default_factory=dict)


class ColumnDictionary(Data):
    """Shared column meanings, and per table its description and its own meanings;
    `zh`: a column's Chinese header, one per column name; `values`: the columns whose
    values are message ids under a prefix (models/messages)."""

    columns: dict[str, str]
    tables: dict[str, TableDoc]
    zh: dict[str, str] = Field(default_factory=dict)
    values: dict[str, str] = Field(default_factory=dict)

    def header(self, column: str, lang: str) -> str:
        """The column's header in `lang`: its Chinese label for zh (the name itself
        when it has none), the name for en."""
        return self.zh.get(column, column) if lang == "zh" else column

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


class BrowserTable(Data):
    facets: list[str] = Field(default_factory=list)
    label_column: str | None = None
    sort_desc: str | None = None
    sort: str | None = None


class CannedQuery(Data):
    title: str
    description: str
    sql: str


class BrowserDoc(Data):
    """models/datasette.yaml: the site's title and description, per table its facets,
    sort and the column Datasette names a linked row by, and the canned queries."""

    title: str
    description: str
    tables: dict[str, BrowserTable] = Field(default_factory=dict)
    queries: dict[str, CannedQuery] = Field(default_factory=dict)


@lru_cache(maxsize=1)
def browser_doc() -> BrowserDoc:
    return load(BrowserDoc, "datasette.yaml")
