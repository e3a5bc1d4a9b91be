"""The wheel is complete: every sub-package and all of models/ ship in it (the wheel
itself is built, installed and run from another folder by `.ci/wheel-check` in CI)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from extractor.knowledge import models_dir

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_sub_package_is_listed_for_the_wheel() -> None:
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "extractor").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert listed == found | {"extractor.models"}


def test_models_ship_as_package_data_of_extractor_models() -> None:
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert setuptools["package-dir"] == {"extractor.models": "models"}
    assert setuptools["package-data"]["extractor.models"] == ["**/*"]


def test_models_dir_is_the_checkout_s_models_or_the_override(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PINGGU_MODELS", raising=False)
    assert models_dir() == ROOT / "models"  # a source checkout has no extractor/models
    monkeypatch.setenv("PINGGU_MODELS", str(tmp_path))
    assert models_dir() == tmp_path


def test_console_script_is_the_guarded_main() -> None:
    assert PYPROJECT["project"]["scripts"]["pinggu"] == "extractor.cli:main"
