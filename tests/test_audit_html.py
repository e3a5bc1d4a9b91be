"""The HTML audit report: one page per report, findings circled on their page images."""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from extractor.audit import write_audit
from extractor.audit.crops import FLAGGED, INVOLVED, crop_box, finding_images
from extractor.pipeline import extract
from extractor.records import Finding, Location, Meta, Report, RuleCoverage, Skipped, Source, Text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed" / "xicun_2024_final.pdf"
IMG = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"')


@pytest.fixture(scope="module")
def seed_report() -> Report:
    return extract(SEED)


@pytest.fixture(scope="module")
def seed_page(seed_report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("audit")
    written = write_audit([(SEED, seed_report)], out)
    assert written == [out / "xicun_2024_final.html"]  # one report: no index
    return written[0]


def _articles(page: str) -> list[str]:
    return re.findall(r'<article class="card finding.*?</article>', page, flags=re.S)


def _pages_of(finding: Finding) -> set[int]:
    return {loc.page for loc in finding.locations if loc.page is not None}


def _colour_pixels(image: Image.Image, colour: tuple[int, int, int], tol: int = 40) -> int:
    data = image.convert("RGB").tobytes()
    return sum(
        1
        for i in range(0, len(data), 3)
        if all(abs(data[i + k] - colour[k]) <= tol for k in range(3))
    )


# --- the seed page ----------------------------------------------------------------------


def test_seed_page_shows_every_finding_in_severity_order(
    seed_report: Report, seed_page: Path
) -> None:
    page = seed_page.read_text(encoding="utf-8")
    articles = _articles(page)
    assert len(seed_report.findings) == 8  # 5 published errors, 3 info (other populations)
    assert len(articles) == len(seed_report.findings)
    shown = [re.search(r'<code class="rule">([^<]+)</code>', a).group(1) for a in articles]  # type: ignore[union-attr]
    assert sorted(shown) == sorted(f.rule for f in seed_report.findings)
    severities = [re.search(r'<span class="badge (\w+)">', a).group(1) for a in articles]  # type: ignore[union-attr]
    assert severities == ["error"] * 5 + ["info"] * 3
    assert "广州市西村街社工服务站" in page
    assert seed_report.source.sha256 is not None and seed_report.source.sha256 in page


def test_seed_page_has_one_image_per_page_of_each_finding(
    seed_report: Report, seed_page: Path
) -> None:
    page = seed_page.read_text(encoding="utf-8")
    findings = sorted(
        seed_report.findings, key=lambda f: ("error", "warning", "info").index(f.severity)
    )
    for finding, article in zip(findings, _articles(page), strict=True):
        images = IMG.findall(article)
        assert len(images) == len(_pages_of(finding)), finding.rule
        for data in images:
            image = Image.open(io.BytesIO(base64.b64decode(data)))
            assert image.format == "PNG"
            assert image.width >= 400 and image.height >= 150


def test_seed_page_states_coverage_and_gaps(seed_report: Report, seed_page: Path) -> None:
    page = seed_page.read_text(encoding="utf-8")
    possible = sum(c.possible for c in seed_report.coverage)
    run = sum(c.run for c in seed_report.coverage)
    flagged = sum(c.flagged for c in seed_report.coverage)
    assert (
        f"可核查 <b>{possible}</b> 项，已核查 <b>{run}</b> 项，标记问题 <b>{flagged}</b> 项" in page
    )
    skipped = [s for c in seed_report.coverage for s in c.skipped]
    assert skipped  # the seed has a narrative figure with no table row
    for s in skipped:
        assert f"<code>{s.ref}</code> — {s.reason_zh}" in page


def test_flagged_value_is_outlined_in_red_and_the_others_in_orange(seed_report: Report) -> None:
    pct_total = next(f for f in seed_report.findings if f.rule == "pct.total")
    (images,) = finding_images(SEED, [pct_total])
    (crop,) = images.crops
    assert crop.page == 22 and crop.marked == [1, 2, 3]
    image = Image.open(io.BytesIO(crop.png))
    assert _colour_pixels(image, FLAGGED) > 200
    assert _colour_pixels(image, INVOLVED) > 200


def test_crop_box_contains_the_boxes_and_keeps_context() -> None:
    box = (600.0, 150.0, 640.0, 162.0)
    x0, top, x1, bottom = crop_box([box], 842.0, 595.0)
    assert x0 <= 600 and x1 >= 640 and top <= 150 and bottom >= 162
    assert x1 - x0 >= 0.4 * 842 and bottom - top >= 150
    # Near the page edge the region slides inside the page instead of shrinking.
    x0, _, x1, _ = crop_box([(820.0, 10.0, 840.0, 20.0)], 842.0, 595.0)
    assert x1 == 842.0 and x1 - x0 >= 0.4 * 842


# --- hostile or incomplete input --------------------------------------------------------


def _report(*findings: Finding, file: str = "x.pdf") -> Report:
    return Report(
        source=Source(file=file, sha256="ab" * 32, pages=26),
        meta=Meta(station=Text(value="<b>站</b>"), kind="末期", year=2024),
        findings=list(findings),
        coverage=[
            RuleCoverage(
                rule="narrative.table",
                family="narrative",
                description="<i>desc</i>",
                possible=2,
                run=1,
                skipped=[Skipped(ref="a/<ref>", reason="<em>why</em>")],
            )
        ],
    )


def test_text_from_the_report_is_escaped(tmp_path: Path) -> None:
    hostile = Finding(
        rule="pct.row<x>",
        severity="error",
        locations=[
            Location(
                page=1,
                bbox=(100.0, 200.0, 160.0, 215.0),
                ref="r/<ref>",
                text='"><img src=x onerror=alert(1)>',
            )
        ],
        printed="<u>1</u>",
        expected="2",
        explanation_zh="<script>alert(1)</script>",
        explanation_en="</p><script>alert(2)</script>",
    )
    (page_path,) = write_audit([(SEED, _report(hostile))], tmp_path)
    page = page_path.read_text(encoding="utf-8")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    (en_path,) = write_audit([(SEED, _report(hostile))], tmp_path / "en", lang="en")
    en_page = en_path.read_text(encoding="utf-8")
    assert "<script" not in en_page
    assert "&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in en_page
    assert "<img src=x" not in page and "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    for raw in ("<b>站</b>", "<i>desc</i>", "<em>why</em>", "<ref>", "<u>1</u>", "<x>"):
        assert raw not in page
    assert "&lt;b&gt;站&lt;/b&gt;" in page
    assert len(IMG.findall(page)) == 1  # escaping the text did not drop the image


def test_locations_without_box_or_page_are_shown_and_said(tmp_path: Path) -> None:
    finding = Finding(
        rule="narrative.table",
        severity="warning",
        locations=[
            Location(page=3, ref="narrative/a"),
            Location(page=99, bbox=(1.0, 1.0, 2.0, 2.0), ref="b"),
            Location(ref="c"),
        ],
    )
    (page_path,) = write_audit([(SEED, _report(finding))], tmp_path, lang="en")
    page = page_path.read_text(encoding="utf-8")
    assert len(IMG.findall(page)) == 1  # page 3, whole
    assert '<figure class="page-whole">' in page
    assert "no position recorded for location 1: whole page shown, not marked" in page
    assert "the PDF has no page 99" in page
    assert "no page recorded for location 3" in page


def test_unrenderable_pdf_still_gets_its_page(tmp_path: Path) -> None:
    finding = Finding(
        rule="pct.row",
        severity="error",
        locations=[Location(page=1, bbox=(1.0, 1.0, 2.0, 2.0), ref="a")],
        explanation_en="552 ÷ 600 = 92.00%",
    )
    missing = tmp_path / "gone.pdf"
    (page_path,) = write_audit([(missing, _report(finding))], tmp_path / "out", lang="en")
    page = page_path.read_text(encoding="utf-8")
    assert "page images could not be rendered" in page
    assert "552 ÷ 600 = 92.00%" in page
    assert not IMG.findall(page)


def test_several_reports_get_an_index_and_distinct_names(
    seed_report: Report, tmp_path: Path
) -> None:
    clean = _report(file="xicun_2024_final.pdf")
    other = tmp_path / "elsewhere" / "xicun_2024_final.pdf"  # same stem, no page images needed
    written = write_audit([(SEED, seed_report), (other, clean)], tmp_path / "out", lang="en")
    assert [p.name for p in written] == [
        "xicun_2024_final.html",
        "xicun_2024_final-2.html",
        "index.html",
    ]
    index = written[-1].read_text(encoding="utf-8")
    rows = re.findall(r"<tr><td><a href=\"([^\"]+)\">.*?</tr>", index, flags=re.S)
    assert rows == ["xicun_2024_final.html", "xicun_2024_final-2.html"]
    first, second = re.findall(r"<tr><td><a.*?</tr>", index, flags=re.S)
    assert re.findall(r'<td class="n (\w+)[^"]*">(\d+)</td>', first) == [
        ("error", "5"),
        ("warning", "0"),
        ("info", "3"),
    ]
    assert re.findall(r'<td class="n (\w+)[^"]*">(\d+)</td>', second) == [
        ("error", "0"),
        ("warning", "0"),
        ("info", "0"),
    ]
    clean_page = written[1].read_text(encoding="utf-8")
    assert "No inconsistency among the 1 checks run." in clean_page


# --- in a real browser ------------------------------------------------------------------


def _chromium() -> str | None:
    found = shutil.which("chromium")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    return found


def _browser(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)


def test_page_renders_in_headless_chromium(
    seed_report: Report, seed_page: Path, tmp_path: Path
) -> None:
    """The page as an auditor's browser draws it: findings in the DOM, images painted."""
    binary = _chromium()
    if binary is None:
        reason = "chromium not installed (apt-get install chromium); CI installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    dom = _browser(binary, tmp_path / "p1", "--dump-dom", seed_page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    for finding in seed_report.findings:
        assert f'<code class="rule">{finding.rule}</code>' in dom.stdout
    located = sum(len(_pages_of(f)) for f in seed_report.findings)
    assert len(IMG.findall(dom.stdout)) == located

    shot = tmp_path / "audit.png"
    size = "--window-size=1280,2400"
    run = _browser(binary, tmp_path / "p2", f"--screenshot={shot}", size, seed_page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.stat().st_size > 50_000
    # The same page with its images blanked: what differs is what the images painted.
    blank = tmp_path / "blank.html"
    blank.write_text(
        IMG.sub('<img src=""', seed_page.read_text(encoding="utf-8")), encoding="utf-8"
    )
    shot_blank = tmp_path / "blank.png"
    run = _browser(binary, tmp_path / "p3", f"--screenshot={shot_blank}", size, blank.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    with Image.open(shot) as a, Image.open(shot_blank) as b:
        assert a.size == b.size == (1280, 2400)
        grey_a, grey_b = a.convert("L").tobytes(), b.convert("L").tobytes()
    changed = sum(1 for p, q in zip(grey_a, grey_b, strict=True) if abs(p - q) > 32)
    assert changed > 20_000
    artefacts = ROOT / "out"
    artefacts.mkdir(exist_ok=True)
    shutil.copyfile(shot, artefacts / "audit_screenshot.png")
