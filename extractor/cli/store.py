"""The commands that read a store back (`pinggu batch --db`): `export` (its tables for a
spreadsheet or a data tool) and `report` (one static page across its reports)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extractor.cli.common import app, guarded, say


@app.command()
def export(
    db: Annotated[Path, typer.Option("--db", help="The SQLite store (pinggu batch --db).")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="An .xlsx workbook, or a folder for csv/parquet."),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="xlsx, parquet or csv (default: from -o's extension; csv)."
        ),
    ] = None,
    redact_names: Annotated[
        bool, typer.Option("--redact-names", help="Staff names as pseudonyms (某某1, …).")
    ] = False,
) -> None:
    """Write every table and view of a store for a spreadsheet or a data tool: one sheet
    (xlsx) or file (parquet, csv) per table, with a README sheet (README.csv) of what
    each column means. Every row of a report's table carries its file, station,
    district, street, year and kind; numbers stay numeric; CSV is UTF-8 with a BOM.

    Example: pinggu export --db results.sqlite -o results.xlsx
    """
    from extractor.exports.tables import write_tables
    from extractor.outputs import pick_format, prepare_folder
    from extractor.store import read_store

    try:
        chosen = pick_format(output, fmt, ("xlsx", "parquet", "csv"), "csv")
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if chosen != "xlsx" and output.suffix and not output.is_dir():
        raise typer.BadParameter(f"{chosen} writes one file per table: give -o a folder")

    def run() -> list[Path]:
        with read_store(db) as store:
            tables = store.tables(bulk=False, redact_names=redact_names)
        prepare_folder(output.parent if chosen == "xlsx" else output)
        return write_tables(tables, output, chosen)

    for path in guarded(run):
        say("written:", str(path))
