"""The layer contract of pyproject's [tool.importlinter] holds (docs/architecture.md):
pdf ← document ← passes ← checks ← pipeline ← evaluation/exports/audit/store ← cli, with
records and errors at the bottom. Runs import-linter, the same check .ci/run runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_layer_contract_is_kept() -> None:
    exe = Path(sys.executable).with_name("lint-imports")
    res = subprocess.run(
        [str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert "1 kept, 0 broken" in res.stdout
