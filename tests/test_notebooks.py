"""Every notebook in notebooks/ runs end to end (they are percent-format scripts), and
what it computes is checked against the corpus it reads: a notebook without checks here
fails, so a new analysis comes with its own."""

from __future__ import annotations

import json
import runpy
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
