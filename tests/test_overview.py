"""`pinggu report`: the cross-report page of a store — the table holds every stored
report and links to its audit page, the charts draw what the store holds, text from a
report is escaped, and the page works in a real browser without any external file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.records import Text
from extractor.store import open_store
from tests.conftest import CorpusReports

ROOT = Path(__file__).resolve().parents[1]
PDFS = [
    ROOT / "corpora/seed/xicun_2024_final.pdf",
    ROOT / "corpora/generated/gen_000.pdf",
    ROOT / "corpora/generated/gen_001.pdf",
]
runner = CliRunner()


@pytest.fixture(scope="module")
def overview(
    corpus_reports: CorpusReports, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("overview")
    db = tmp / "results.sqlite"
    with open_store(db) as w:
        for pdf in PDFS:
            w.save(corpus_reports(pdf), pdf)
    out = tmp / "site"
    res = runner.invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out / "index.html", db


def test_table_lists_every_report_and_links_its_audit_page(
    overview: tuple[Path, Path], corpus_reports: CorpusReports
) -> None:
    index, _ = overview
    page = index.read_text(encoding="utf-8")
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr>") == len(PDFS)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', body)
    assert sorted(name for _, name in links) == sorted(
        corpus_reports(p).meta.station.value  # type: ignore[union-attr]
        for p in PDFS
    )
    for href, _ in links:
        target = index.parent / href
        assert target.is_file() and "<!DOCTYPE html>" in target.read_text(encoding="utf-8")


def test_charts_draw_what_the_store_holds(
    overview: tuple[Path, Path], corpus_reports: CorpusReports
) -> None:
    page = overview[0].read_text(encoding="utf-8")
    reports = [corpus_reports(p) for p in PDFS]
    assert page.count("<svg") == 4 and "<script src" not in page and "http" not in page
    totals = [r for r in reports if r.scoring.total is not None]
    rates = [r for r in reports if r.staffing.retention_rate is not None]
    assert page.count('class="dot"') == len(totals) + len(rates)
    errors = Counter(f.rule for r in reports for f in r.findings if f.severity == "error")
    bars = re.findall(r'<rect class="bar"[^>]*><title>([^<]+)</title>', page)
    assert [b for b in bars if "%" not in b] == [
        f"{rule}: {n}" for rule, n in sorted(errors.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    assert "casework · sessions: " in page  # completion recomputed per indicator


def test_report_text_is_escaped(corpus_reports: CorpusReports, tmp_path: Path) -> None:
    report = corpus_reports(PDFS[1]).model_copy(deep=True)
    report.meta.station = Text(value='<img src=x onerror="alert(1)">站')
    db = tmp_path / "s.sqlite"
    with open_store(db) as w:
        w.save(report, PDFS[1])
    out = tmp_path / "site"
    args = ["report", "--db", str(db), "-o", str(out), "--no-audit-pages", "--lang", "en"]
    assert runner.invoke(app, args).exit_code == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;站" in page
    assert "Reports overview" in page and list(out.iterdir()) == [out / "index.html"]


def test_page_runs_its_sorting_script_in_headless_chromium(
    overview: tuple[Path, Path], tmp_path: Path
) -> None:
    binary = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if binary is None:
        reason = "chromium not installed (apt-get install chromium); CI installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    cmd = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
        overview[0].as_uri(),
    ]
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'class="index sortable sortable-ready"' in dom.stdout  # the inline script ran
    assert dom.stdout.count("<circle") == overview[0].read_text(encoding="utf-8").count("<circle")
