"""The commands that read a store back (`pinggu batch --db`): `export` (its tables for a
spreadsheet or a data tool), `report` (one static page across its reports) and
`metadata` (the column dictionary as Datasette's metadata.yml)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extractor.cli.common import (
    LangOpt,
    MemoryOpt,
    TimeoutOpt,
    app,
    guarded,
    options,
    say,
)
from extractor.pdf.guard import DEFAULT_MAX_MEMORY_MB


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
    lang: LangOpt = None,
) -> None:
    """Write every table and view of a store for a spreadsheet or a data tool: one sheet
    (xlsx) or file (parquet, csv) per table, with a README sheet (README.csv) of what
    each column means. Every row of a report's table carries its file, station,
    district, street, year and kind; numbers stay numeric; CSV is UTF-8 with a BOM.
    --lang zh: Chinese column headers and values (severity, status, party, …).

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
        return write_tables(tables, output, chosen, lang)

    for path in guarded(run):
        say("written:", str(path))


@app.command()
def report(
    db: Annotated[Path, typer.Option("--db", help="The SQLite store (pinggu batch --db).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for index.html and the audit pages.")
    ],
    lang: Annotated[str, typer.Option("--lang", help="Page language, zh or en.")] = "zh",
    audit_pages: Annotated[
        bool,
        typer.Option(
            "--audit-pages/--no-audit-pages",
            help="Also write each report's audit page (its PDF is read again from the "
            "path the store recorded), linked from the table.",
        ),
    ] = True,
    timeout: TimeoutOpt = None,
    max_memory: MemoryOpt = DEFAULT_MAX_MEMORY_MB,
) -> None:
    """One static page across the reports of a store: a sortable table (station,
    district, year, kind, score, grade, errors, 稳岗率) linking to each report's audit
    page, and charts of the totals by district, the error findings by rule, the
    completion rate per indicator and 稳岗率 against 80%. One file, no external script.

    Example: pinggu report --db results.sqlite -o out/overview
    """
    from extractor.api import write_overview

    if lang not in ("zh", "en"):
        raise typer.BadParameter("--lang must be zh or en")
    limits = options(None, timeout, max_memory).limits
    written = guarded(
        lambda: write_overview(
            db, output, lang="en" if lang == "en" else "zh", audit_pages=audit_pages, limits=limits
        )
    )
    say("overview:", str(written[-1]))


@app.command()
def metadata(
    db: Annotated[Path, typer.Option("--db", help="The SQLite store (pinggu batch --db).")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Where to write it (default: metadata.yml beside DB)."),
    ] = None,
) -> None:
    """Write Datasette's metadata.yml for a store: a title, what every table and column
    means (models/columns.yaml), facets by district and year, stations named where a row
    links to its report, and canned queries (reports by district, errors by kind, …).

    Example: pinggu metadata --db results.sqlite && datasette results.sqlite -m metadata.yml
    """
    from extractor.outputs import write_atomic
    from extractor.store import read_store
    from extractor.store.datasette import metadata_yaml

    target = output or db.parent / "metadata.yml"

    def run() -> None:
        with read_store(db) as store:
            text = metadata_yaml(store)
        write_atomic(target, text.encode("utf-8"))

    guarded(run)
    say("written:", str(target))
