"""Outputs: targets checked before parsing, distinct names, atomic writes, and one
file's failure never costing another file's output."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import OutputError
from extractor.markdown import md_text
from extractor.outputs import plan_output, unique_names, write_atomic

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "xicun_2024_final.pdf"
CLEAN = ROOT / "corpora" / "generated" / "gen_000.pdf"
runner = CliRunner()
as_root = pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")


# --- write_atomic ----------------------------------------------------------------------


def test_write_atomic_replaces_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")
    write_atomic(target, "新的内容")
    assert target.read_text(encoding="utf-8") == "新的内容"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_failed_write_leaves_the_existing_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.json"
    target.write_text("previous run")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, "x" * 1000)
    assert target.read_text() == "previous run"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- names and targets -----------------------------------------------------------------


def test_unique_names_disambiguate_repeated_stems_without_case() -> None:
    inputs = [Path("a/report.pdf"), Path("b/report.pdf"), Path("c/Report.PDF"), Path("x.pdf")]
    assert unique_names(inputs, ".json") == [
        "report.json",
        "report-2.json",
        "Report-3.json",
        "x.json",
    ]
    assert unique_names([Path("index.pdf")], ".html", reserved=["index.html"]) == ["index-2.html"]


def test_plan_creates_missing_folders_and_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    plan = plan_output([SEED, CLEAN], tmp_path / "new" / "records", ".json")
    assert plan.mode == "folder" and (tmp_path / "new" / "records").is_dir()
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    with pytest.raises(OutputError, match="in the way"):
        plan_output([SEED], blocker / "r.json", ".json")
    with pytest.raises(OutputError, match="one file of records"):
        plan_output([SEED], tmp_path, "")  # jsonl into a folder


@as_root
def test_plan_refuses_a_read_only_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    with pytest.raises(OutputError, match="not writable"):
        plan_output([SEED, CLEAN], locked, ".json")


# --- the extract command ---------------------------------------------------------------


def test_bad_output_path_fails_before_any_parsing(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    res = runner.invoke(app, ["extract", str(SEED), "-o", str(blocker / "out" / "r.json")])
    assert res.exit_code == 73
    assert "cannot write the output" in res.output and "hint:" in res.output
    assert "Traceback" not in res.output


def test_failed_extract_leaves_an_existing_output_untouched(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("earlier record")
    res = runner.invoke(app, ["extract", str(ROOT / "README.md"), "-o", str(target)])
    assert res.exit_code == 3
    assert target.read_text() == "earlier record"


def test_one_failing_file_keeps_the_others_output(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    out = tmp_path / "records"
    res = runner.invoke(app, ["extract", str(CLEAN), str(empty), "-o", str(out)])
    assert res.exit_code == 3  # the worst file's code
    assert "empty.pdf: file is empty" in res.output
    record = json.loads((out / "gen_000.json").read_text(encoding="utf-8"))
    assert record["status"] == "success" and record["source"]["file"] == "gen_000.pdf"
    assert sorted(p.name for p in out.iterdir()) == ["gen_000.json"]
    res = runner.invoke(app, ["extract", str(empty), str(CLEAN), "-f", "jsonl"])
    assert res.exit_code == 3
    assert [json.loads(x)["source"]["file"] for x in res.stdout.splitlines()] == ["gen_000.pdf"]


def test_same_stem_from_two_folders_gives_two_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = shutil.copy(CLEAN, tmp_path / "a" / "report.pdf")
    second = shutil.copy(SEED, tmp_path / "b" / "report.pdf")
    out = tmp_path / "out"
    res = runner.invoke(app, ["extract", str(first), str(second), "-o", str(out), "-f", "md"])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == ["report-2.md", "report.md"]
    assert "86.75" in (out / "report-2.md").read_text(encoding="utf-8")  # the seed's total


def test_control_characters_in_a_file_name_are_escaped(tmp_path: Path) -> None:
    name = tmp_path / "evil\n\x1b[2Jname.pdf"
    name.write_bytes(b"")
    res = runner.invoke(app, ["extract", str(name)])
    assert res.exit_code == 3
    assert "\x1b" not in res.output
    assert "evil\\n\\x1b[2Jname.pdf: file is empty" in res.output
    assert len(res.output.strip().splitlines()) == 2  # error and hint


# --- Markdown escaping -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[点我](javascript:alert(1))", "\\[点我\\](javascript:alert(1))"),
        ("# 标题", "\\# 标题"),
        ("1. 第一项", "1\\. 第一项"),
        ("a|b", "a\\|b"),
        ("两行\n文字\x1b", "两行 文字\\\\x1b"),
        ("86.75", "86.75"),
        ("西村街社工服务站", "西村街社工服务站"),
    ],
)
def test_md_text_shows_pdf_text_literally(text: str, shown: str) -> None:
    assert md_text(text) == shown
