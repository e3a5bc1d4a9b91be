"""The command line as a user meets it: outputs, formats, redaction and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import cli, pipeline
from extractor.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "xicun_2024_final.pdf"
CLEAN = ROOT / "corpora" / "generated" / "gen_000.pdf"  # variant error: none
runner = CliRunner()


def test_extract_json_has_values_with_provenance() -> None:
    res = runner.invoke(app, ["extract", str(SEED)])
    assert res.exit_code == 0, res.output
    r = json.loads(res.stdout)
    assert r["scoring"]["total"]["value"] == 86.75
    assert r["scoring"]["grade"]["value"] == "良好"
    prov = r["scoring"]["total"]["prov"]
    assert prov["page"] == 20 and len(prov["bbox"]) == 4 and "86.75" in prov["text"]


def test_extract_jsonl_and_folder_output(tmp_path: Path) -> None:
    res = runner.invoke(app, ["extract", str(SEED), str(CLEAN), "-f", "jsonl"])
    assert res.exit_code == 0
    assert [json.loads(x)["source"]["file"] for x in res.stdout.splitlines()] == [
        "xicun_2024_final.pdf",
        "gen_000.pdf",
    ]
    out = tmp_path / "records"
    res = runner.invoke(app, ["extract", str(SEED), str(CLEAN), "-o", str(out), "-f", "md"])
    assert res.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["gen_000.md", "xicun_2024_final.md"]


def test_redact_names_replaces_every_roster_name() -> None:
    plain = json.loads(runner.invoke(app, ["extract", str(SEED)]).stdout)
    names = {row["name"] for row in plain["staffing"]["roster"]}
    res = runner.invoke(app, ["extract", str(SEED), "--redact-names"])
    assert res.exit_code == 0
    assert not any(n in res.stdout for n in names)
    assert "某某1" in res.stdout


def test_check_exit_codes() -> None:
    assert runner.invoke(app, ["check", str(SEED)]).exit_code == 1  # published errors
    assert runner.invoke(app, ["check", str(CLEAN)]).exit_code == 0
    res = runner.invoke(app, ["check", str(ROOT / "README.md")])
    assert res.exit_code == 3  # the file's own code: not a PDF
    assert "not a PDF" in res.output


def test_check_json_and_csv() -> None:
    data = json.loads(runner.invoke(app, ["check", str(SEED), "-f", "json"]).stdout)
    rules = [f["rule"] for f in data[0]["findings"] if f["severity"] == "error"]
    assert "pct.total" in rules and rules.count("roster.monthly") == 3
    assert data[0]["coverage"]["run"] > 200
    csv_text = runner.invoke(app, ["check", str(SEED), "-f", "csv", "--lang", "en"]).stdout
    assert csv_text.startswith("\ufefffile,station,district,street,year,kind,status")
    assert "274.94%" in csv_text


def test_bad_input_is_one_line_with_hint_not_a_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    res = runner.invoke(app, ["inspect", str(empty)])
    assert res.exit_code == 3
    assert "Traceback" not in res.output and "empty" in res.output and "hint:" in res.output


# --- every outcome classified: bugs are one line and exit 70 ----------------------------


def test_a_bug_is_one_line_and_exit_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The console script (`main`) catches what escapes a command."""

    def broken(*_: object) -> str:
        raise KeyError("no such section")

    monkeypatch.setattr(pipeline, "inspect", broken)
    # let it escape the command
    monkeypatch.setattr(cli.records, "guarded", lambda fn: fn())
    monkeypatch.setattr(sys, "argv", ["pinggu", "inspect", str(SEED)])
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == 70
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in lines[0]
    assert lines[0].startswith("error: internal error (KeyError: 'no such section' at ")
    assert lines[1].startswith("hint: a bug in Pinggu: please report it with the file")


def test_missing_models_is_one_line_and_exit_78_in_a_real_process(tmp_path: Path) -> None:
    """What an incomplete install looked like: every command a KnowledgeError traceback.
    Now a ModelDataError naming the missing file, with its hint and exit 78."""
    env = {**os.environ, "PINGGU_MODELS": str(tmp_path / "nowhere")}
    res = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", str(SEED), str(CLEAN)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert res.returncode == 78, res.stderr
    assert "Traceback" not in res.stderr
    assert "problem in the domain data: missing" in res.stderr and "nowhere" in res.stderr
    assert "PINGGU_MODELS" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 2  # the error and the hint
    assert res.stdout == ""
    res = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", str(SEED)],
        capture_output=True,
        text=True,
        env={**env, "PINGGU_DEBUG": "1"},
        cwd=tmp_path,
        timeout=300,
    )
    assert res.returncode == 78
