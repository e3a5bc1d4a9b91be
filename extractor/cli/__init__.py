"""`pinggu`: the command line, one module per command group (`records`: inspect,
extract, check; `bench`; `corpus`: schema, evaluate, batch; `store`: export, report),
thin over `extractor.pipeline`; `common` holds the shared flags and the error reporting.
Importing it defines the commands and nothing more: the pipeline loads when a command
that parses runs."""

from __future__ import annotations

import sys

from extractor.cli import bench, corpus, records, store  # noqa: F401 - each registers its commands
from extractor.cli.common import app, report_error
from extractor.errors import EXIT_INTERNAL, InternalError, PingguError
from extractor.pdf.guard import collect_seldom

__all__ = ["app", "main"]


def main() -> None:
    """The `pinggu` console script: the typer app, with any exception that escapes a
    command (a bug) printed as one line and exit 70 instead of a traceback. The
    process's cyclic collector runs as seldom as a worker's (`collect_seldom`)."""
    collect_seldom()
    try:
        app()
    except PingguError as exc:  # raised before any file, e.g. a broken models/ while warming
        report_error(exc)
        sys.exit(exc.exit_code)
    except Exception as exc:  # typer turns usage errors, Exit and Ctrl-C into exits itself
        report_error(InternalError.wrap(exc))
        sys.exit(EXIT_INTERNAL)
