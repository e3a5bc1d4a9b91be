"""JSON Schemas of the records, exported to models/schemas so that consumers (and a
test that fails on drift) can read the record shape without Python."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extractor.records import GoldReport, Report

SCHEMAS: dict[str, type[Report]] = {"report": Report, "gold_report": GoldReport}


def schema_text(model: type[Report]) -> str:
    data: dict[str, Any] = model.model_json_schema()
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        out.append(path)
    return out
