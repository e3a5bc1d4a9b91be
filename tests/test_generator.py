"""The corpus generator: deterministic gold, valid records, and errors exactly where the
gold says they are (recomputed here independently of the extractor's checks)."""

from __future__ import annotations

import json
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from corpora.generator.corpus import generate
from corpora.generator.plan import ERROR_KINDS, error_plan
from extractor.records import GoldReport

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "generated"
SEED, COUNT = 2026, 44


def pct(done: float, target: float) -> str:
    q = (Decimal(str(done)) * 100 / Decimal(str(target))).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{q}%"


def band_grade(gold: GoldReport, total: float) -> str:
    for b in gold.scoring.bands:
        if (b.lower is None or total >= b.lower) and (b.upper is None or total < b.upper):
            return b.grade
    raise AssertionError(total)


def inconsistencies(gold: GoldReport) -> set[str]:
    """Refs of every printed figure that disagrees with what it should be recomputed from."""
    bad: set[str] = set()
    rows = [r for r in gold.indicators.rows if r.table == "附件1-1"]
    areas = [r for r in rows if r.area != "合计"]
    totals = {(r.indicator, r.measure): r for r in rows if r.area == "合计"}
    for r in gold.indicators.rows:
        base = f"indicators/{r.table}/{r.area}/{r.indicator}/{r.measure}"
        if r.pct and r.pct.value is not None and r.target and r.done:
            assert r.target.value and r.done.value is not None
            if pct(r.done.value, r.target.value) != r.pct.printed:
                bad.add(f"{base}/pct")
    for key, tot in totals.items():
        for measure in ("target", "done"):
            cell = getattr(tot, measure)
            if cell is None or cell.value is None:
                continue
            s = sum(getattr(r, measure).value for r in areas if (r.indicator, r.measure) == key)
            if s != cell.value:
                bad.add(f"indicators/附件1-1/合计/{key[0]}/{key[1]}/{measure}")
    sc = gold.scoring
    assert sc.total is not None and sc.grade is not None
    s = sum(Decimal(p.score.printed or "") for p in sc.party_scores)
    if s != Decimal(sc.total.printed or ""):
        bad.add("scoring/total")
    if band_grade(gold, sc.total.value) != sc.grade.value:
        bad.add("scoring/grade")
    for f in gold.indicators.narrative:
        if f.indicator is None or f.approx:
            continue
        row = next(
            (
                r
                for r in rows
                if (r.area == (f.scope or "合计"))
                and (r.indicator, r.measure) == (f.indicator, f.measure)
            ),
            None,
        )
        if row is None:  # a figure the tables do not break down (片区 volunteers)
            continue
        cell = row.pct if f.kind == "pct" else row.done
        assert cell is not None
        if cell.printed != f.printed:
            scope = f"/{f.scope}" if f.scope else ""
            bad.add(f"narrative/{f.indicator}/{f.measure}/{f.kind}{scope}")
    st = gold.staffing
    months = gold.meta.assessment_period.months  # type: ignore[union-attr]
    assert st.retention_rate and st.stable_count and st.fulltime_required and months
    if pct(st.stable_count.value, st.fulltime_required.value / months) != st.retention_rate.printed:
        bad.add("staffing/retention_rate")
    assert st.experienced_share and st.experienced_person_months and st.fulltime_actual
    share = pct(st.experienced_person_months.value, st.fulltime_actual.value)
    if share != st.experienced_share.printed:
        bad.add("staffing/experienced_share")
    marks = {"√": 1.0, "0.5": 0.5}
    for p in st.roster:
        assert p.on_post is not None
        if sum(marks.get(m, 0.0) for m in p.marks) != p.on_post.value:
            bad.add(f"roster/{p.group}/{p.seq}/on_post")
    for t in st.roster_totals:
        people = [p for p in st.roster if t.scope in ("all", p.group)]
        monthly = [sum(marks.get(p.marks[k], 0.0) for p in people) for k in range(len(t.monthly))]
        assert monthly == t.monthly, "monthly 有效人次 follow the marks"
        assert t.on_post is not None
        if sum(monthly) != t.on_post.value:
            bad.add(f"roster_totals/{t.scope}/on_post")
    return bad


def internal_sums_hold(gold: GoldReport) -> None:
    """Sub-counts that the generator never corrupts."""
    st = gold.staffing
    assert st.certified_count and st.uncertified_count and st.total_count
    assert st.certified_count.value + st.uncertified_count.value == st.total_count.value
    assert st.mid_level_count and st.assistant_level_count
    assert st.mid_level_count.value + st.assistant_level_count.value == st.certified_count.value
    for actual, required, surplus in (
        (st.certified_actual, st.certified_required, st.certified_surplus),
        (st.fulltime_actual, st.fulltime_required, st.fulltime_surplus),
    ):
        assert actual and required and actual.value >= required.value
        assert (surplus.value if surplus else 0.0) == actual.value - required.value
    weights = {w.party: w.weight for w in gold.scoring.weights}
    assert sum(weights.values()) == 100
    for p in gold.scoring.party_scores:
        assert 0 < p.score.value <= weights[p.party]
    staff = [r for r in gold.indicators.rows if r.indicator == "staff" and r.area != "合计"]
    assert sum(r.done.value or 0 for r in staff) == st.total_count.value  # type: ignore[union-attr]
    period = gold.meta.assessment_period
    assert period is not None and period.months is not None
    span = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    assert span == period.months


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[GoldReport]:
    out = tmp_path_factory.mktemp("gold")
    return [g.gold for g in generate(SEED, COUNT, out, gold_only=True)]


def test_same_seed_same_gold(tmp_path: Path) -> None:
    generate(7, 3, tmp_path / "a", gold_only=True)
    generate(7, 3, tmp_path / "b", gold_only=True)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["gen_000.gold.json", "gen_001.gold.json", "gen_002.gold.json"]
    for n in names:
        assert (tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes()
    other = tmp_path / "c"
    generate(8, 3, other, gold_only=True)
    assert (other / names[0]).read_bytes() != (tmp_path / "a" / names[0]).read_bytes()


def test_gold_files_validate(tmp_path: Path) -> None:
    generate(SEED, 3, tmp_path, gold_only=True)
    for path in sorted(tmp_path.glob("*.gold.json")):
        gold = GoldReport.model_validate_json(path.read_text(encoding="utf-8"))
        assert gold.source.file == path.name.replace(".gold.json", ".pdf")
        assert gold.assessments and gold.indicators.rows and gold.variant


def test_error_plan_coverage() -> None:
    plan = error_plan(SEED, COUNT)
    assert len(plan) == COUNT
    assert sum(not kinds for kinds in plan) >= 12
    assert sum(1 <= len(kinds) <= 2 for kinds in plan) >= 16
    counts = Counter(k for kinds in plan for k in kinds)
    assert all(counts[k] >= 2 for k in ERROR_KINDS), counts


def test_clean_reports_are_consistent(corpus: list[GoldReport]) -> None:
    clean = [g for g in corpus if not g.expected_findings]
    assert len(clean) >= 12
    for g in clean:
        assert inconsistencies(g) == set(), g.source.file
        internal_sums_hold(g)


def test_injected_errors_are_exactly_where_gold_says(corpus: list[GoldReport]) -> None:
    injected = [g for g in corpus if g.expected_findings]
    assert len(injected) >= 16
    for g in injected:
        expected = {f.ref for f in g.expected_findings}
        assert inconsistencies(g) == expected, g.source.file
        internal_sums_hold(g)
        for f in g.expected_findings:
            assert f.printed != f.expected


def test_gold_records_printed_values_and_variants(corpus: list[GoldReport]) -> None:
    g = next(g for g in corpus if any(f.kind == "row_pct" for f in g.expected_findings))
    f = next(f for f in g.expected_findings if f.kind == "row_pct")
    _, table, area, ind, measure, _ = f.ref.split("/")
    row = next(
        r
        for r in g.indicators.rows
        if (r.table, r.area, r.indicator, r.measure) == (table, area, ind, measure)
    )
    assert row.pct is not None and row.pct.printed == f.printed
    assert abs(float(f.printed[:-1]) - float(f.expected[:-1])) >= 0.5
    kinds = {g.variant["kind"] for g in corpus}
    fonts = {g.variant["font"] for g in corpus}
    assert kinds == {"中期", "末期"} and fonts == {"embedded", "cid"}
    assert {g.variant["areas"] for g in corpus} == {1, 2, 3, 4, 5}
    assert any(s.none_stated and s.item_count == 0 for g in corpus for s in g.assessment_sections)
    assert any(n.approx for g in corpus for n in g.indicators.narrative)
    na = [r for g in corpus for r in g.indicators.rows if r.not_applicable]
    assert na and all(r.pct and r.pct.printed == "/" and r.pct.value is None for r in na)


def _committed() -> list[Path]:
    return sorted(CORPUS.glob("gen_*.gold.json"))


def test_committed_corpus_is_complete() -> None:
    golds = _committed()
    assert len(golds) == COUNT, "run: python -m corpora.generator --seed 2026 --count 44"
    for g in golds:
        assert g.with_name(g.name.replace(".gold.json", ".pdf")).exists()


@pytest.mark.parametrize("path", _committed(), ids=lambda p: p.name.split(".")[0])
def test_committed_gold_regenerates(path: Path, corpus: list[GoldReport]) -> None:
    """Regenerating (gold only, no fonts) reproduces the committed gold except page count."""
    committed = json.loads(path.read_text(encoding="utf-8"))
    pages = committed["source"].pop("pages", None)
    assert isinstance(pages, int) and pages > 5
    index = int(path.name[4:7])
    fresh = corpus[index].model_dump(mode="json", exclude_none=True)
    assert fresh == committed


@pytest.mark.slow
@pytest.mark.parametrize("path", _committed(), ids=lambda p: p.name.split(".")[0])
def test_printed_figures_are_in_the_text_layer(path: Path) -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    gold = GoldReport.model_validate_json(path.read_text(encoding="utf-8"))
    pdf = path.with_name(gold.source.file)
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == gold.source.pages
        text = "\n".join(p.extract_text() or "" for p in doc.pages)
    assert gold.scoring.total and gold.scoring.grade
    wanted = [p.score.printed for p in gold.scoring.party_scores]
    wanted += [gold.scoring.total.printed, gold.scoring.grade.value]
    for r in gold.indicators.rows:
        wanted += [c.printed for c in (r.target, r.done, r.pct) if c is not None]
    for p in gold.staffing.roster:
        wanted += [p.name, p.on_post.printed if p.on_post else None]
    wanted += [t.on_post.printed for t in gold.staffing.roster_totals if t.on_post]
    missing = [w for w in wanted if w and w not in text]
    assert not missing, missing[:5]
    for r in (
        r for r in gold.indicators.rows if r.table == "附件1-1" and r.indicator == "registered"
    ):
        assert r.target and r.done and r.pct
        assert f"{r.area} " in text
