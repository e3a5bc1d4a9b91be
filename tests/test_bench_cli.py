"""The whole-process benchmark: every command runs as its own process, each round in
turn, and its figures come from the kernel's accounting. Speed is never asserted."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from extractor import bench_cli


@pytest.fixture(scope="module")
def group(tmp_path_factory: pytest.TempPathFactory) -> bench_cli.GroupResult:
    folder = tmp_path_factory.mktemp("bench")
    paths = []
    for i in range(2):
        path = folder / f"r{i}.pdf"
        c = canvas.Canvas(str(path))
        c.drawString(72, 720, f"Report {i}")
        c.showPage()
        c.save()
        paths.append(path)
    return bench_cli.run_group("tiny", paths, pages=2, rounds=2)


def test_every_command_ran_each_round_as_a_process(group: bench_cli.GroupResult) -> None:
    names = [r.command.name for r in group.results]
    assert names == ["pdfplumber", "pypdfium2", "extract", "extract-j2"]
    assert [r.command.cores for r in group.results] == [1, 1, 1, 2]
    for r in group.results:
        assert len(r.runs) == 2
        # a one-line page is not a report: extract writes a failure record, exit 12
        assert {x.exit_code for x in r.runs} <= {0, 12}, r.command.label
        assert all(x.wall_s > 0 and x.cpu_s > 0 for x in r.runs)
        assert all(x.peak_rss_mb > 5 for x in r.runs)  # an interpreter is bigger than this
    assert not bench_cli.failed(group)
    assert len(group.startup) == 2 and all(x.exit_code == 0 for x in group.startup)


def test_ratios_are_to_the_same_rounds_pdfplumber(group: bench_cli.GroupResult) -> None:
    base, *others = group.results
    assert base.ratios == [1.0, 1.0] and base.cpu_ratios == [1.0, 1.0]
    for r in others:
        expected = [x.wall_s / b.wall_s for x, b in zip(r.runs, base.runs, strict=True)]
        assert r.ratios == pytest.approx(expected)


def test_isolation_and_markdown(group: bench_cli.GroupResult) -> None:
    iso = group.isolation
    assert iso["isolation_ms"] > 0 and iso["isolation_cpu_ms"] >= 0 and iso["in_process_s"] > 0
    md = "\n".join(bench_cli.to_markdown([group]))
    assert "| pinggu extract -j 2, 2 cores | 2 | 2 |" in md
    assert "per-file overhead of isolation" in md
    assert " s wall, " in md and " s CPU; per-file" in md  # start-up both ways


def test_the_commands_load_bytecode_as_an_installed_package_would(
    group: bench_cli.GroupResult,
) -> None:
    """run_group wrote every module's bytecode before timing, whatever
    PYTHONDONTWRITEBYTECODE says, so no timed start-up compiles the package."""
    package = Path(bench_cli.__file__).resolve().parent
    modules = sorted(package.rglob("*.py"))
    assert len(modules) > 50
    for source in modules:
        pyc = Path(importlib.util.cache_from_source(str(source)))
        header = pyc.read_bytes()[:12]  # magic, flags, the source's mtime it was made from
        assert header[:4] == importlib.util.MAGIC_NUMBER, source
        mtime = int.from_bytes(header[8:12], "little")
        assert mtime == int(source.stat().st_mtime) & 0xFFFFFFFF, f"stale: {source}"
    rows = bench_cli.rows(group, short=True)
    assert [r[0] for r in rows] == ["pdfplumber", "pypdfium2", "extract", "extract-j2"]
    assert rows[0][-1] == "—" and rows[2][-1] != "—"


def test_the_bare_passes_run_by_hand(tmp_path: Path) -> None:
    """`python -m extractor.bench_cli pdfplumber FILES` is what BENCHMARKS.md quotes."""
    path = tmp_path / "one.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "one")
    c.save()
    bench_cli.main(["pdfplumber", str(path)])
    bench_cli.main(["pypdfium2", str(path)])
    with pytest.raises(SystemExit):
        bench_cli.main(["nothing"])
