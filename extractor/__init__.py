"""Pinggu: structured, checkable records from 社工服务站评估报告 PDFs.

    >>> import extractor
    >>> report = extractor.extract("corpora/seed/xicun_2024_final.pdf")  # doctest: +SKIP

The API (`extract`, `check`, `open_store`) lives in `extractor.api` and is loaded on
first use, so `import extractor.records` stays light; docs/api.md shows it run.
`__version__` is read from the installed metadata on first use too (importlib.metadata
is a fifth of what `pinggu --help` would otherwise import).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    __version__: str

    from extractor.api import check, extract, open_store
    from extractor.records import Report

__all__ = ["Report", "__version__", "check", "extract", "open_store"]


def __getattr__(name: str) -> Any:
    """`extractor.extract` etc. import the pipeline only when first asked for."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("pinggu")
        except PackageNotFoundError:  # a source tree that was never installed
            found = "0+unknown"
        globals()["__version__"] = found
        return found
    if name in ("extract", "check", "open_store"):
        from extractor import api

        return getattr(api, name)
    if name == "Report":
        from extractor.records import Report

        return Report
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
