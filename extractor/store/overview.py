"""What the cross-report page (`pinggu report`) shows, read from a store: one row per
report some file still holds, the error findings by rule, the 合计 rows' completion
rates, and each report's 稳岗率 (its `staffing` row `retention_rate`)."""

from __future__ import annotations

from pathlib import Path

from extractor.records import Report
from extractor.rows import Table
from extractor.store.tables import StoreTables

_REPORTS = """
SELECT s.station, s.district, s.year, s.kind, s.total, s.grade, s.status,
       s.error_findings AS errors, s.warning_findings AS warnings, s.file, r.path,
       (SELECT g.value FROM staffing g
         WHERE g.report_id = s.report_id AND g.figure = 'retention_rate') AS retention_rate,
       s.sha256
FROM station_summary s JOIN reports r ON r.report_id = s.report_id
ORDER BY s.district, s.station, s.year, s.kind
"""
_ERROR_KINDS = """
SELECT f.rule, count(*) AS findings, count(DISTINCT f.sha256) AS reports
FROM findings f JOIN station_summary s ON s.sha256 = f.sha256
WHERE f.severity = 'error'
GROUP BY f.rule ORDER BY findings DESC, f.rule
"""
# The total rows (合计) of the indicator tables, rates recomputed from done and target:
# a printed rate may be the very error the checker reports.
_COMPLETION = """
SELECT i.indicator, i.measure, s.district, i.pct_recomputed AS rate, i.sha256
FROM indicator_rows i JOIN station_summary s ON s.report_id = i.report_id
WHERE i.scope = 'total' AND i.pct_recomputed IS NOT NULL
ORDER BY i.indicator, i.measure
"""


def _query(store: StoreTables, name: str, sql: str) -> Table:
    cur = store.conn.execute(sql)
    return Table(name, [d[0] for d in cur.description], [tuple(r) for r in cur])


def overview_tables(store: StoreTables) -> dict[str, Table]:
    """reports, error_kinds and completion, by name."""
    return {
        "reports": _query(store, "reports", _REPORTS),
        "error_kinds": _query(store, "error_kinds", _ERROR_KINDS),
        "completion": _query(store, "completion", _COMPLETION),
    }


def stored_records(store: StoreTables) -> list[tuple[str, Path, Report]]:
    """(sha256, path, record) of every report some file still holds, in page order."""
    rows = store.conn.execute(
        "SELECT r.sha256, r.path, c.record FROM reports r "
        "JOIN records c ON c.report_id = r.report_id "
        "JOIN station_summary s ON s.report_id = r.report_id "
        "ORDER BY s.district, s.station, s.year, s.kind"
    )
    return [(sha, Path(path), Report.model_validate_json(record)) for sha, path, record in rows]
