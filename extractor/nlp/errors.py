"""Errors of the NLP layer's data files: input problems of the models/ data, not bugs."""

from __future__ import annotations

from pathlib import Path


class DataFileError(ValueError):
    """A vocabulary or pattern file in models/ is invalid; `problems` lists all of it."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = list(problems)
        lines = "\n  ".join(self.problems)
        super().__init__(f"{path}: {len(self.problems)} problem(s):\n  {lines}")


class PatternFileError(DataFileError):
    """A SpanRuler pattern file (JSONL) has bad lines; every bad line is listed."""
