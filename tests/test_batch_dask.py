"""`pinggu batch --dask-scheduler` against a real `distributed.LocalCluster`: the store
it fills is the process pool's, row for row, even when the paths given are relative to
a directory the workers were not started in."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from extractor.batch import run_batch
from extractor.pipeline import PipelineOptions

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [Path("seed"), Path("generated/gen_000.pdf"), Path("generated/gen_001.pdf")]
# When a row was written, and so the number a report got (in the order results came
# back), differ between two runs; everything else must not (rows keep their sha256).
VOLATILE = {"extracted_at", "first_seen", "last_seen", "failed_at", "report_id"}


def _distributed() -> object:
    try:
        import distributed
    except ImportError:
        reason = "dask.distributed not installed (pip install 'pinggu[dask]'); CI installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return distributed


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    out = {}
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for name in names:
            cur = conn.execute(f"SELECT * FROM {name}")
            keep = [i for i, d in enumerate(cur.description) if d[0] not in VOLATILE]
            out[name] = sorted((tuple(r[i] for i in keep) for r in cur), key=repr)
    return out


def test_dask_store_matches_the_process_pool_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = _distributed()
    monkeypatch.chdir(tmp_path)  # the workers start here, where no input is
    cluster = distributed.LocalCluster(  # type: ignore[attr-defined]
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        monkeypatch.chdir(ROOT / "corpora")  # the paths below are relative to this
        dask = run_batch(
            INPUTS,
            tmp_path / "dask.sqlite",
            PipelineOptions(),
            dask_scheduler=cluster.scheduler_address,
        )
    finally:
        cluster.close()
    pool = run_batch(INPUTS, tmp_path / "pool.sqlite", PipelineOptions(), workers=2)
    assert (dask.found, dask.done, dask.failures) == (3, 3, [])
    assert (pool.found, pool.done, pool.failures) == (3, 3, [])
    a, b = dump(tmp_path / "dask.sqlite"), dump(tmp_path / "pool.sqlite")
    assert a.keys() == b.keys()
    for table in a:
        assert a[table] == b[table], table
    assert len(a["indicator_rows"]) > 100


def test_batch_help_names_the_extra() -> None:
    """Rich markup would eat `[dask]` in the help unless escaped."""
    from typer.testing import CliRunner

    from extractor.cli import app

    res = CliRunner().invoke(app, ["batch", "--help"], env={"COLUMNS": "400"})
    assert "pip install 'pinggu[dask]'" in res.output
