"""The command line as a user meets it: outputs, formats, redaction and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

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
    assert res.exit_code == 2
    assert "not a PDF" in res.output


def test_check_json_and_csv() -> None:
    data = json.loads(runner.invoke(app, ["check", str(SEED), "-f", "json"]).stdout)
    rules = [f["rule"] for f in data[0]["findings"] if f["severity"] == "error"]
    assert "pct.total" in rules and rules.count("roster.monthly") == 3
    assert data[0]["coverage"]["run"] > 200
    csv_text = runner.invoke(app, ["check", str(SEED), "-f", "csv", "--lang", "en"]).stdout
    assert csv_text.splitlines()[0].startswith("file,rule,severity,page")
    assert "274.94%" in csv_text


def test_bad_input_is_one_line_with_hint_not_a_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    res = runner.invoke(app, ["inspect", str(empty)])
    assert res.exit_code == 3
    assert "Traceback" not in res.output and "empty" in res.output and "hint:" in res.output
