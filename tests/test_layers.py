"""The layer contract of pyproject's [tool.importlinter] holds (docs/architecture.md):
pdf ← document ← passes ← checks ← pipeline ← evaluation/exports/audit/store ← cli, with
records and errors at the bottom. Runs import-linter, the same check .ci/run runs."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_layer_contract_is_kept() -> None:
    exe = Path(sys.executable).with_name("lint-imports")
    res = subprocess.run(
        [str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert "1 kept, 0 broken" in res.stdout


def test_every_module_has_a_layer() -> None:
    """A module left out of the contract would escape it: each top-level module or
    package of extractor/ is named in one layer."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    named = {
        name.strip()
        for layer in contract["layers"]
        for part in layer.replace("|", ":").split(":")
        if (name := part.strip())
    }
    package = ROOT / "extractor"
    modules = {
        f"extractor.{p.stem}"
        for p in package.iterdir()
        if (p.suffix == ".py" and p.stem != "__init__")
        or (p.is_dir() and (p / "__init__.py").exists())
    }
    assert sorted(modules - named) == []
    assert sorted(named - modules) == []


# A design document outside the repository, however cited: "design §4" or "design.md"
# (a path to it on the machine it was written on ends in design.md too).
_OUTSIDE = re.compile(r"design §|design\.md")


def test_docstrings_cite_the_repository() -> None:
    """Comments point at code or docs/, never at a design document outside the repo."""
    cited = [
        f"{p.relative_to(ROOT)}"
        for folder in ("extractor", "tests", "models", "corpora")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in (".py", ".yaml", ".md")
        and p.name != "test_layers.py"
        and _OUTSIDE.search(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert cited == []
