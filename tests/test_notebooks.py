"""Every notebook in notebooks/ runs end to end (they are percent-format scripts), and
what it computes is checked against the corpus it reads: a notebook without checks here
fails, so a new analysis comes with its own."""

from __future__ import annotations

import json
import runpy
import sqlite3
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.py"))


def _compare_stations(ns: dict[str, Any]) -> None:
    golds = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "corpora" / "generated").glob("*.gold.json"))
    ]
    result = ns["result"]
    assert (result.done, result.failures) == (len(golds), [])
    # stations per district add up to the reports stored, and every district is one of gold's
    districts = {g["meta"]["district"]["value"] for g in golds}
    assert {r[0] for r in ns["rows"]} == districts
    # every report with an injected error carries at least one error finding
    injected = sum(1 for g in golds if g["expected_findings"])
    assert ns["flagged"] == injected
    assert {r[0] for r in ns["per_rule"]} >= {"pct.row", "sum.area_total"}
    assert len(ns["pct"]) == 5 and all(v > 0 for _, v in ns["pct"])
    # the DataFrame sections: reports with an error per district, as gold injected them
    by_district = ns["errors_by_district"]
    for district in districts:
        in_gold = [g for g in golds if g["meta"]["district"]["value"] == district]
        assert by_district.loc[district, "reports"] == len(in_gold)
        assert by_district.loc[district, "with_errors"] == sum(
            1 for g in in_gold if g["expected_findings"]
        )
    # completion medians recomputed from gold's 合计 rows (every district, every indicator)
    rates: dict[tuple[str, str, str], list[float]] = {}
    for g in golds:
        for r in g["indicators"]["rows"]:
            done, target = (r.get(k) or {} for k in ("done", "target"))
            if r.get("area") == "合计" and target.get("value") and done.get("value") is not None:
                key = (r["indicator"], r["measure"], g["meta"]["district"]["value"])
                rates.setdefault(key, []).append(done["value"] / target["value"] * 100)
    completion = ns["completion"]
    assert completion.notna().sum().sum() == len(rates)
    for (indicator, measure, district), values in rates.items():
        want = round(statistics.median(values), 1)
        assert completion.loc[(indicator, measure), district] == pytest.approx(want, abs=0.05)
    # every concern item of gold is there, and every theme the store gives them is counted
    assert len(ns["concerns"]) == sum(
        1 for g in golds for a in g["assessments"] if a["polarity"] == "concern"
    )
    with sqlite3.connect(ns["DB"]) as conn:
        (tagged,) = conn.execute(
            "SELECT sum(json_array_length(themes)) FROM assessments WHERE polarity = 'concern'"
        ).fetchone()
    assert tagged > 0 and ns["recurring"]["items"].sum() == tagged


CHECKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "compare_stations.py": _compare_stations,
}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert path.name in CHECKS, f"{path.name}: add checks of what it computes to CHECKS"
    monkeypatch.setenv("PINGGU_ROOT", str(ROOT))
    monkeypatch.chdir(ROOT)
    ns = runpy.run_path(str(path), run_name="__main__")
    CHECKS[path.name](ns)
