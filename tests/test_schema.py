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


def test_a_pickled_record_comes_back_the_same() -> None:
    """`Record.__reduce__` (how a worker sends a record back): the same values, the same
    fields set, the same JSON, nested records and a subclass included."""
    import pickle

    from extractor.records import Number, Provenance

    seed = FOLDER.parent.parent / "corpora" / "seed" / "xicun_2024_final.gold.json"
    gold = GoldReport.model_validate_json(seed.read_text(encoding="utf-8"))
    prov = Provenance(page=2, bbox=(1.0, 2.0, 3.0, 4.5), text="得分 86.75")
    for record in (prov, Number(value=86.75, printed="86.75", prov=prov), gold):
        back = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
        assert type(back) is type(record) and back == record
        assert back.model_fields_set == record.model_fields_set
        for unset in (True, False):
            assert back.model_dump_json(exclude_unset=unset) == record.model_dump_json(
                exclude_unset=unset
            )
