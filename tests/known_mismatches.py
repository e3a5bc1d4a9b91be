"""The allowlists of known extraction mismatches, one YAML file per corpus split.

Each entry is a corpus PDF's file name → its known mismatches (the exact lines
`FileResult.mismatches()` prints) with the reason each is known. The per-file test is
strict both ways: a new mismatch fails, and so does a listed one that no longer occurs,
until the list is updated (`pytest tests/test_corpus_extraction.py
--update-known-mismatches`, which keeps the reasons of lines that stay and leaves new
ones to be explained).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from extractor.splits import HELD_BACK_SPLITS

HERE = Path(__file__).resolve().parent
# one list per held-back split (extractor.splits), named after its folder; a split whose
# first run is not recorded yet (corpora.conventions.NOT_YET_RUN) has no file
FILES = {
    "development": HERE / "known_mismatches.yaml",
    "families": HERE / "known_mismatches_families.yaml",
    **{split: HERE / f"known_mismatches_{split}.yaml" for split in HELD_BACK_SPLITS},
}
HEADER = (
    "# Known extraction mismatches per corpus PDF, checked strictly by\n"
    "# tests/test_corpus_extraction.py: a new mismatch fails its file's test, and so does\n"
    "# a listed one that went away. Rewrite with\n"
    "#   .venv/bin/python -m pytest tests/test_corpus_extraction.py --update-known-mismatches\n"
    "# then say `why` for every new line.\n"
)


def _load(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        str(name): {str(e["mismatch"]): str(e.get("why", "")) for e in entries}
        for name, entries in data.items()
    }


@dataclass
class KnownMismatches:
    update: bool = False
    lists: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    seen: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lists = {split: _load(path) for split, path in FILES.items()}

    def known(self, split: str, file: str) -> dict[str, str]:
        """mismatch line → why, for one file."""
        return self.lists[split].get(file, {})

    def record(self, split: str, file: str, mismatches: list[str]) -> None:
        self.seen.setdefault(split, {})[file] = mismatches

    def save(self) -> None:
        if not self.update:
            return
        for split, seen in self.seen.items():
            merged = dict(self.lists[split])
            for file, lines in seen.items():
                old = merged.get(file, {})
                merged[file] = {line: old.get(line, "") for line in lines}
            data = {
                file: [{"mismatch": m, "why": why} for m, why in entries.items()]
                for file, entries in sorted(merged.items())
                if entries
            }
            body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
            FILES[split].write_text(HEADER + (body if data else "{}\n"), encoding="utf-8")
