"""Redaction (extractor/redaction.py): no roster name survives anywhere in the record,
the texts findings quote included."""

from __future__ import annotations

from pathlib import Path

from extractor.records import Finding, Location
from extractor.redaction import redact
from tests.conftest import CorpusReports

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


def test_no_roster_name_left_in_the_record(corpus_reports: CorpusReports) -> None:
    report = corpus_reports(CORPORA / "seed" / "xicun_2024_final.pdf").model_copy(deep=True)
    row = report.staffing.roster[3]
    assert row.prov is not None and row.name in row.prov.text
    # a finding quoting a whole roster row, as a rule may
    report.findings.append(
        Finding(
            rule="roster.person",
            severity="warning",
            locations=[Location(ref="roster/certified/4/on_post", text=row.prov.text)],
            explanation_zh=f"{row.name} 的到岗小计",
        )
    )
    names = {r.name for r in report.staffing.roster}
    text = redact(report).model_dump_json()
    assert [n for n in names if n in text] == []
    assert "某某1" in text and "某某4" in text
    assert report.staffing.roster[3].name == row.name  # the input is left untouched
