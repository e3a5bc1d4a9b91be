"""Datasette's metadata.yml for a store: the column dictionary (models/columns.yaml) and
the presentation (models/datasette.yaml) as Datasette reads them, so
`datasette results.sqlite -m metadata.yml` shows what every table and column means,
facets by district and year, stations in place of report ids, and canned queries.

Datasette files table metadata under the database's name, the file's stem
(`results.sqlite` → `results`): the metadata is written for one store's name.
"""

from __future__ import annotations

from typing import Any

import yaml

from extractor.knowledge import browser_doc, column_dictionary
from extractor.store.tables import StoreTables

_HEADER = (
    "# Datasette metadata for a Pinggu store, written by `pinggu metadata` from\n"
    "# models/columns.yaml and models/datasette.yaml: edit those, not this file.\n"
    "# Use: datasette {file} -m metadata.yml\n"
)


def metadata(tables: dict[str, list[str]], database: str) -> dict[str, Any]:
    """Datasette metadata for a database named `database` whose tables and views hold
    `tables` (name → columns): every table and column described, facets, sort and label
    columns where they exist, and the canned queries."""
    d, b = column_dictionary(), browser_doc()
    described: dict[str, Any] = {}
    for name, columns in tables.items():
        entry: dict[str, Any] = {"description": d.description(name)}
        entry["columns"] = {c: d.meaning(name, c) for c in columns}
        shown = b.tables.get(name)
        if shown is not None:
            if shown.label_column in columns:
                entry["label_column"] = shown.label_column
            facets = [f for f in shown.facets if f in columns]
            if facets:
                entry["facets"] = facets
            for key in ("sort", "sort_desc"):
                if getattr(shown, key) in columns:
                    entry[key] = getattr(shown, key)
        described[name] = entry
    queries = {
        name: {"title": q.title, "description": q.description, "sql": q.sql}
        for name, q in b.queries.items()
    }
    return {
        "title": b.title,
        "description": b.description,
        "databases": {
            database: {"description": b.description, "tables": described, "queries": queries}
        },
    }


def store_columns(store: StoreTables) -> dict[str, list[str]]:
    """Every table and view of an open store, name → columns as stored."""
    out = {}
    for name in store.names():
        cur = store.conn.execute(f'SELECT * FROM "{name}" LIMIT 0')
        out[name] = [c[0] for c in cur.description]
    return out


class _Dumper(yaml.SafeDumper):
    """Multi-line text (a canned query's SQL) as a literal block, as a person writes it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def metadata_yaml(store: StoreTables) -> str:
    """The metadata.yml of an open store, for the database Datasette names by its stem."""
    data = metadata(store_columns(store), store.path.stem)
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=88)
    return _HEADER.format(file=store.path.name) + body
