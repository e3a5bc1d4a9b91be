"""The benchmark harness: result structure, the Markdown section, text agreement.
Speed itself is never asserted (benchmarks measure, they do not assert)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extractor import bench
from extractor.splits import HELD_BACK_SPLITS

SEED = Path(__file__).resolve().parents[1] / "corpora" / "seed" / "xicun_2024_final.pdf"
BARE = ("pdfplumber", "pypdfium2", "document")


@pytest.fixture(scope="module")
def result() -> bench.BenchResult:
    # end-to-end is left out: it loads spaCy and would dominate the test's time
    return bench.run_bench([SEED], repeat=1, methods=BARE)


def test_every_method_measured_over_the_same_pages(result: bench.BenchResult) -> None:
    assert [m.name for m in result.methods] == list(BARE)
    assert not result.skipped
    pages = {m.pages for m in result.methods}
    assert pages == {bench.page_count(SEED)}
    assert pages.pop() > 0
    for m in result.methods:
        assert m.files == 1
        assert m.seconds > 0 and m.pages_per_s > 0
        assert m.peak_rss_mb > 5  # a Python interpreter alone is bigger than this
        assert 0 < m.import_s < 120  # measured in the fresh process, not left at zero
        assert m.ratio is not None and m.ratio > 0


def test_ratios_are_relative_to_bare_pdfplumber(result: bench.BenchResult) -> None:
    base = result.methods[0]
    assert base.name == bench.BASELINE and base.ratio == pytest.approx(1.0)
    for m in result.methods[1:]:
        assert m.ratio == pytest.approx(m.pages_per_s / base.pages_per_s)


def test_markdown_section_replaces_a_same_day_rerun(
    result: bench.BenchResult, tmp_path: Path
) -> None:
    out = tmp_path / "BENCHMARKS.md"
    day = date(2025, 1, 2)
    first = bench.to_markdown(result, "pinggu bench corpora/seed", today=day)
    assert "| Pinggu document layer | 1 |" in first
    assert "`pinggu bench corpora/seed`" in first
    bench.update_file(out, first)
    bench.update_file(out, bench.to_markdown(result, "pinggu bench other", today=day))
    bench.update_file(out, first)  # same day, same command: replaces, does not add
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks")
    assert text.count("## 2025-01-02") == 2
    assert text.index("corpora/seed -->") < text.index("other -->")  # newest first


def test_seed_text_agrees_between_pypdfium2_and_pdfplumber() -> None:
    a = bench.text_agreement([SEED])
    assert a["pages"] == bench.page_count(SEED)
    assert a["share"] >= 0.99


def test_default_paths_leave_out_scans() -> None:
    paths = bench.default_paths()
    assert SEED in paths
    assert not any("scanned" in p.parts for p in paths)


def test_default_paths_leave_out_the_held_back_splits(tmp_path: Path) -> None:
    for folder in ("families/a", *(f"{s}/a" for s in HELD_BACK_SPLITS)):
        (tmp_path / "corpora" / folder).mkdir(parents=True)
        (tmp_path / "corpora" / folder / "x.pdf").write_bytes(b"%PDF-1.4")
    paths = bench.default_paths(tmp_path)
    assert [p.parent.relative_to(tmp_path / "corpora").as_posix() for p in paths] == ["families/a"]
    assert "sealed" in HELD_BACK_SPLITS
