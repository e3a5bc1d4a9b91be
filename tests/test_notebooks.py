"""Every notebook in notebooks/ runs end to end (they are percent-format scripts)."""

from __future__ import annotations

import os
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.py"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PINGGU_ROOT", str(ROOT))
    monkeypatch.chdir(ROOT)
    runpy.run_path(str(path), run_name="__main__")
    assert os.environ["PINGGU_ROOT"] == str(ROOT)
