"""The Python API (`import extractor`, docs/api.md): the page's examples run as doctests
against corpora/seed, and the API keeps the CLI's bounds and classified errors."""

from __future__ import annotations

import doctest
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import extractor
from extractor.errors import NotAPdfError, StoreError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed" / "xicun_2024_final.pdf"


def test_docs_api_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(
        str(ROOT / "docs" / "api.md"),
        module_relative=False,
        globs={"tmp": str(tmp_path)},
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted >= 15
    assert result.failed == 0


def test_version_is_the_installed_one() -> None:
    from importlib.metadata import version

    assert extractor.__version__ == version("pinggu")
    out = subprocess.run(
        [sys.executable, "-c", "from extractor.cli import main; main()", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == f"pinggu {extractor.__version__}"


def test_import_extractor_does_not_load_the_pipeline() -> None:
    """`import extractor` (and so every `import extractor.records`) stays light."""
    code = "import sys, extractor; print('extractor.pipeline' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False"


def test_extract_takes_str_and_path_alike(tmp_path: Path) -> None:
    a = extractor.extract(str(SEED), redact_names=True)
    b = extractor.check(SEED)
    assert [f.rule for f in a.findings] == [f.rule for f in b]
    assert a.staffing.roster and all(r.name.startswith("某某") for r in a.staffing.roster)


def test_extract_raises_the_classified_error(tmp_path: Path) -> None:
    fake = tmp_path / "notes.pdf"
    fake.write_text("not a pdf at all", encoding="utf-8")
    with pytest.raises(NotAPdfError) as info:
        extractor.extract(fake)
    assert info.value.exit_code == 3


def test_open_store_refuses_what_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        extractor.open_store(tmp_path / "missing.sqlite")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a Pinggu store"):
        extractor.open_store(other)
    assert not (tmp_path / "missing.sqlite").exists()  # reading never creates


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The three lines on README's first screen work as written."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"^```python\n(.*?)^```", text, re.S | re.M)
    monkeypatch.chdir(ROOT)
    scope: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), scope)
    frames = scope["frames"]
    assert isinstance(frames, dict) and len(frames["indicator_rows"]) > 50
