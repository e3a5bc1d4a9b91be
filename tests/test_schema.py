"""The committed JSON Schemas in models/schemas match the records: a change to
`extractor/records.py` without `pinggu schema` fails here, so consumers reading the schema
files never see a stale shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.records import SCHEMA_VERSION, GoldReport, Report
from extractor.schemas import SCHEMAS, schema_text

FOLDER = Path(__file__).resolve().parent.parent / "models" / "schemas"
HINT = "records and models/schemas differ: run `.venv/bin/pinggu schema` and commit the files"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_records(name: str) -> None:
    path = FOLDER / f"{name}.schema.json"
    assert path.exists(), f"{path.name} is missing: {HINT}"
    committed = path.read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[name]), f"{path.name} drifted: {HINT}"


def test_schemas_cover_report_and_gold() -> None:
    assert SCHEMAS == {"report": Report, "gold_report": GoldReport}
    report = json.loads((FOLDER / "report.schema.json").read_text(encoding="utf-8"))
    gold = json.loads((FOLDER / "gold_report.schema.json").read_text(encoding="utf-8"))
    assert report["title"] == "Report"
    assert gold["title"] == "GoldReport"
    assert {"variant", "expected_findings"} <= set(gold["properties"])
    assert not {"variant", "expected_findings"} & set(report["properties"])
    assert report["properties"]["schema_version"]["default"] == SCHEMA_VERSION
    assert report["additionalProperties"] is False
