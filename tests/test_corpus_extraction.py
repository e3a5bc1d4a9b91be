"""Every corpus PDF's extraction compared with its gold: one test id per PDF.

A regression on one file fails that file's test, whatever the corpus-wide figures say.
The comparison is the evaluation's (`extractor.evaluation.score.score_file`): every field
under the normalised matching, indicator rows, and the checker's findings. Known
mismatches live in `tests/known_mismatches.yaml` (`known_mismatches_families.yaml` for the
layout families, `known_mismatches_validation.yaml` for the first held-out split,
`known_mismatches_heldout.yaml` for the second, corpora/heldout,
`known_mismatches_unseen.yaml` for the third, corpora/unseen,
`known_mismatches_blind.yaml` for the fourth, corpora/blind; `known_mismatches_<split>.yaml`
for each held-back split of extractor.splits) and are checked strictly (a
held-back split is not extracted here until its first run is recorded:
`corpora.conventions.NOT_YET_RUN`): a file with known mismatches reports xfail while
exactly those remain; a new one fails, and so does one that went away, until
the list is updated (see `tests/known_mismatches.py`).

Each PDF is extracted once per session (`corpus_reports` in conftest.py), in process.
Scans are left out (OCR takes minutes; `pinggu evaluate --include-scans` scores them).
Validation files carry the `validation` marker: CI runs them, development deselects them
with `-m "not validation"`; their test fails only on a new mismatch and does not say
which, so the held-out split is not looked at during development.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.mark import ParameterSet

from corpora.conventions import measured_apart, not_yet_run
from extractor.evaluation.corpus import gold_pairs, load_gold
from extractor.evaluation.score import score_file
from extractor.splits import HELD_BACK_SPLITS
from tests.conftest import CorpusReports
from tests.known_mismatches import KnownMismatches

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


def _split(pdf: Path) -> str:
    """Which allowlist: the layout families and each held-back split (measured apart
    from the thresholds, corpora/conventions.py; extractor.splits) have their own."""
    parts = pdf.relative_to(CORPORA).parts
    for split in HELD_BACK_SPLITS:
        if split in parts:
            return split
    return "families" if measured_apart(pdf.relative_to(CORPORA)) else "development"


def _params() -> list[ParameterSet]:
    out = []
    for pdf, gold in gold_pairs(CORPORA, include_validation=True):
        if not_yet_run(pdf.relative_to(CORPORA)):
            continue
        marks = [pytest.mark.validation] if _split(pdf) == "validation" else []
        out.append(pytest.param(pdf, gold, id=pdf.name, marks=marks))
    return out


PAIRS = _params()


def test_every_text_pdf_has_its_own_test() -> None:
    assert len(PAIRS) >= 47
    ids = [p.id for p in PAIRS]
    assert len(ids) == len(set(ids))


def test_known_mismatches_say_why() -> None:
    """Development and layout-family entries are explained; the validation list is
    recorded as measured (it is read last, not worked on)."""
    known = KnownMismatches()
    for split in ("development", "families", *HELD_BACK_SPLITS[1:]):
        assert all(why.strip() for f in known.lists[split].values() for why in f.values())
    names = {p.id for p in PAIRS}
    for split, lists in known.lists.items():
        assert set(lists) <= names, f"{split}: entries for files not in the corpus"


@pytest.mark.parametrize(("pdf", "gold_path"), PAIRS)
def test_extraction_matches_gold(
    pdf: Path, gold_path: Path, corpus_reports: CorpusReports, known_mismatches: KnownMismatches
) -> None:
    gold = load_gold(gold_path)
    result = score_file(gold, corpus_reports(pdf))
    got = result.mismatches()
    split = _split(pdf)
    known_mismatches.record(split, pdf.name, got)
    known = known_mismatches.known(split, pdf.name)
    new = [m for m in got if m not in known]
    gone = [m for m in known if m not in got]
    if known_mismatches.update:
        return
    if split == "validation":
        # Looked at last: a regression fails without showing what it is, and a fix does
        # not ask for the list to be rewritten (that would show the split's figures).
        assert not new, f"{len(new)} new mismatch(es) on a validation file"
        if got:
            pytest.xfail(f"{len(got)} known mismatch(es) (validation)")
        return
    report = ""
    if new:
        report += "new mismatches:\n  " + "\n  ".join(new) + "\n"
    if gone:
        report += "listed as known but no longer seen (update the list):\n  " + "\n  ".join(gone)
    assert not report, report
    if got:
        pytest.xfail(f"{len(got)} known mismatch(es): " + "; ".join(known.values() or got))
