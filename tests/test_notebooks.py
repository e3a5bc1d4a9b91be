"""notebooks/compare_stations.ipynb runs end to end in a Jupyter kernel (nbclient, the
kernel ipykernel gives this environment) on a store built from a few corpus PDFs, and
what it shows is what the store holds: its tables are recomputed here from the SQLite
file directly, and the reports with errors from the gold files. The committed notebook
carries no outputs (CI makes them; see README, "Notebooks")."""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "compare_stations.ipynb"
# A handful of reports, to keep the run short: five districts, clean reports and reports
# with injected errors, and the seed (its 合计 row prints 274.94% for 552 of 600).
SUBSET = [
    *sorted((ROOT / "corpora" / "generated").glob("gen_*.pdf"))[:6],
    ROOT / "corpora" / "seed" / "xicun_2024_final.pdf",
]
# The notebook's frames, printed as JSON by a cell the test appends after its last one.
FRAMES = ("errors_by_district", "errors_by_station", "completion", "recurring", "misprinted")
PROBE = (
    "import json as _json\n"
    "def _records(f):\n"
    "    f = f.reset_index(drop=f.index.names == [None])  # named indexes become columns\n"
    "    return _json.loads(f.to_json(orient='records', force_ascii=False))\n"
    f"_names = {FRAMES!r}\n"
    "print('PROBE' + _json.dumps({n: _records(globals()[n]) for n in _names}, ensure_ascii=False))"
)


@dataclass
class Run:
    nb: nbformat.NotebookNode
    frames: dict[str, list[dict[str, Any]]]
    db: Path

    def outputs(self) -> Iterator[dict[str, Any]]:
        for cell in self.nb.cells:
            yield from cell.get("outputs", [])

    def streams(self) -> str:
        return "".join(o.get("text", "") for o in self.outputs() if o["output_type"] == "stream")

    def markdown(self) -> str:
        return "\n".join(o.get("data", {}).get("text/markdown", "") for o in self.outputs())


def _execute(db: Path, font: str) -> Run:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    env = {
        "PINGGU_STORE": str(db),
        "PINGGU_CORPUS": os.pathsep.join(str(p) for p in SUBSET),
        "PINGGU_CJK_FONT": font,
    }
    with pytest.MonkeyPatch.context() as mp:  # the kernel inherits this environment
        for key, value in env.items():
            mp.setenv(key, value)
        client = NotebookClient(
            nb,
            timeout=600,
            kernel_name="python3",
            resources={"metadata": {"path": str(NOTEBOOK.parent)}},
        )
        client.execute()  # raises CellExecutionError on the first cell that fails
    probe = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert probe.startswith("PROBE"), probe
    return Run(nb, json.loads(probe.removeprefix("PROBE")), db)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The notebook building its store from SUBSET (the store file does not exist yet)."""
    return _execute(tmp_path_factory.mktemp("nb") / "results.sqlite", "auto")


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


# The reports some file still holds, straight from the tables (not the store's views).
CURRENT = "SELECT * FROM reports r WHERE EXISTS (SELECT 1 FROM files f WHERE f.sha256 = r.sha256)"


def _errors_by_station(db: Path) -> list[dict[str, Any]]:
    per_report = _rows(
        db,
        f"SELECT r.district, r.station, (SELECT count(*) FROM findings f WHERE f.sha256 = "
        f"r.sha256 AND f.severity = 'error') FROM ({CURRENT}) r",
    )
    stations: dict[tuple[str, str], list[int]] = defaultdict(list)
    for district, station, errors in per_report:
        stations[district, station].append(errors)
    rows = [
        {
            "district": d,
            "station": s,
            "reports": len(e),
            "reports_with_errors": sum(1 for n in e if n),
            "error_findings": sum(e),
        }
        for (d, s), e in stations.items()
    ]
    return sorted(rows, key=lambda r: (r["district"], -r["error_findings"], r["station"]))


def _cjk_font_installed() -> bool:
    try:
        listed = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return any(Path(line.split(":")[0].strip()).is_file() for line in listed.splitlines())


def test_committed_notebook_has_no_outputs() -> None:
    """Outputs are made by running it (they hold temporary paths and PNGs that go stale
    with every extractor change), never committed."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_runs_without_errors_and_plots(run: Run) -> None:
    assert not [o for o in run.outputs() if o["output_type"] == "error"]
    pngs = [o for o in run.outputs() if "image/png" in o.get("data", {})]
    assert len(pngs) >= 3
    assert "pinggu batch" in run.streams() and f"{len(SUBSET)} stored" in run.streams()
    # Chinese labels when the machine has a Chinese font (CI's run with the system fonts
    # hidden has none), and never a glyph missing
    expected = "Chinese labels in" if _cjk_font_installed() else "No font with Chinese glyphs"
    assert expected in run.streams()
    assert "missing from font" not in run.streams()


def test_errors_per_district_are_the_stores(run: Run) -> None:
    by_station = _errors_by_station(run.db)
    assert run.frames["errors_by_station"] == by_station
    districts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in by_station:
        districts[row["district"]].append(row)
    want = []
    for district, rows in districts.items():
        top = rows[0]  # sorted: most errors first, then by name
        want.append(
            {
                "district": district,
                "stations": len(rows),
                "reports": sum(r["reports"] for r in rows),
                "reports_with_errors": sum(r["reports_with_errors"] for r in rows),
                "error_findings": sum(r["error_findings"] for r in rows),
                "top_station": top["station"] if top["error_findings"] else None,
                "top_station_errors": top["error_findings"],
            }
        )
    want.sort(key=lambda r: (-r["error_findings"], -r["reports_with_errors"]))
    got = run.frames["errors_by_district"]
    key = ("error_findings", "reports_with_errors", "district")
    assert sorted(got, key=lambda r: [r[k] for k in key]) == sorted(
        want, key=lambda r: [r[k] for k in key]
    )
    assert [r["error_findings"] for r in got] == [r["error_findings"] for r in want]
    # and as the corpus was made: the reports with an injected error, per district
    golds = [json.loads(p.with_suffix(".gold.json").read_text("utf-8")) for p in SUBSET]
    injected = Counter(g["meta"]["district"]["value"] for g in golds if g["expected_findings"])
    assert {r["district"]: r["reports_with_errors"] for r in got} == {
        g["meta"]["district"]["value"]: injected[g["meta"]["district"]["value"]] for g in golds
    }
    assert len(got) >= 4 and 0 < sum(injected.values()) < len(SUBSET)


def test_conclusions_name_what_the_store_holds(run: Run) -> None:
    text = run.markdown()
    flagged = sum(r["reports_with_errors"] for r in _errors_by_station(run.db))
    assert f"{flagged} of {len(SUBSET)} reports" in text
    for row in run.frames["errors_by_district"][:5]:  # the five districts with most errors
        if row["error_findings"]:
            assert f"{row['district']}: **{row['top_station']}**" in text
    misprinted = len(run.frames["misprinted"])
    assert f"{misprinted} of " in text and "print a rate that done ÷ target does not" in text


def test_completion_is_the_recomputed_median(run: Run) -> None:
    # the store's total rows and recomputed rates (a store of version 3 names them; an
    # older one has the 合计 area and done and target only)
    columns = {r[1] for r in _rows(run.db, "PRAGMA table_info(indicator_rows)")}
    total = "i.scope = 'total'" if "scope" in columns else "i.area = '合计'"
    stored = "i.pct_recomputed" if "pct_recomputed" in columns else "NULL"
    rates: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    misprinted = 0
    for indicator, measure, district, done, target, pct, recomputed in _rows(
        run.db,
        f"SELECT i.indicator, i.measure, r.district, i.done, i.target, i.pct, {stored} "
        f"FROM indicator_rows i JOIN ({CURRENT}) r USING (sha256) "
        f"WHERE {total} AND i.target > 0 AND i.done IS NOT NULL",
    ):
        rate = done / target * 100
        if recomputed is not None:
            assert recomputed == pytest.approx(rate, abs=0.005)
            rate = recomputed
        rates[indicator, measure, district].append(rate)
        misprinted += pct is not None and abs(pct - done / target * 100) > 0.01
    got = {
        (row["indicator"], row["measure"], district): value
        for row in run.frames["completion"]
        for district, value in row.items()
        if district not in ("indicator", "measure") and value is not None
    }
    assert set(got) == set(rates)
    for key, values in rates.items():
        assert got[key] == pytest.approx(round(statistics.median(values), 1), abs=0.051)
    assert len(run.frames["misprinted"]) == misprinted >= 1  # the seed's 274.94%


def test_recurring_themes_are_counted_from_the_store(run: Run) -> None:
    items = _rows(
        run.db,
        f"SELECT a.sha256, r.station, t.value FROM assessments a JOIN ({CURRENT}) r "
        f"USING (sha256), json_each(a.themes) t WHERE a.polarity = 'concern'",
    )
    by_theme: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for sha, station, theme in items:
        by_theme[theme].append((sha, station))
    got = {r["theme"]: r for r in run.frames["recurring"]}
    assert set(got) == set(by_theme) and by_theme
    for theme, rows in by_theme.items():
        assert got[theme]["items"] == len(rows)
        assert got[theme]["reports"] == len({sha for sha, _ in rows})
        assert got[theme]["stations"] == len({st for _, st in rows})
    reports = [r["reports"] for r in run.frames["recurring"]]
    assert reports == sorted(reports, reverse=True)


def test_opens_an_existing_store_and_plots_without_a_cjk_font(run: Run) -> None:
    """Given a store that exists, the notebook opens it as it is (no batch); with no
    Chinese font it labels districts and stations by ASCII ids, without glyph warnings.
    (CI also runs the suite with the system's fonts hidden.)"""
    before = run.db.stat().st_mtime_ns
    again = _execute(run.db, "none")
    assert run.db.stat().st_mtime_ns == before
    assert "pinggu batch" not in again.streams() and f"opening {run.db}" in again.streams()
    assert "No font with Chinese glyphs" in again.streams()
    assert "missing from font" not in again.streams()
    assert len([o for o in again.outputs() if "image/png" in o.get("data", {})]) >= 3
    # the keys of the ids drawn: every district of the store, by id
    keys = [
        o["data"]["text/plain"]
        for o in again.outputs()
        if "D1" in o.get("data", {}).get("text/plain", "")
    ]
    assert keys and all(r["district"] in "".join(keys) for r in run.frames["errors_by_district"])
    assert again.frames == run.frames
