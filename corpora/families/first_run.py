"""The extractor's figures on the development families, per family, as EVALUATION.md
records them: python -m corpora.families.first_run [--split heldout|unseen|blind|sealed|
reserve|vault|closed|withheld|embargoed|sequestered|locked|shuttered|
bolted|latched|barred|fenced|moated|gated|walled] [--out FILE].

It runs the evaluation harness (`extractor.evaluation`, what `pinggu evaluate
corpora/families --by family` runs: bounded extraction per PDF, scored against gold)
over `corpora/families` — never over `corpora/validation` — or, with `--split <name>`,
over a later held-back split (`corpora/heldout`, `corpora/unseen`, `corpora/blind`,
`corpora/sealed`, `corpora/reserve`, `corpora/vault`, `corpora/closed`, `corpora/withheld`,
`corpora/embargoed`, `corpora/sequestered`, `corpora/locked`, `corpora/shuttered`, `corpora/bolted`,
`corpora/latched`, `corpora/barred`, `corpora/fenced`, `corpora/moated`, `corpora/gated`,
`corpora/walled`:
`extractor.splits.HELD_BACK_SPLITS` but
the first; each one's first run
recorded once, before any extractor change made for it, in its folder's `first_run.json`), and
writes, with the
commit measured, per family: reports, indicator rows found (a gold row counts when one
extracted row has its scope, 片区/社工点, indicator, measure and target/done/rate), praise/
concern sections with the right item count, reports whose scores, total and grade are
exact, injected errors found, and error/warning findings on clean reports (false alarms).
"""

from __future__ import annotations

import argparse
import json
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

from extractor.evaluation.corpus import evaluate_corpus
from extractor.evaluation.score import FileResult
from extractor.pdf.guard import Limits
from extractor.pipeline import PipelineOptions
from extractor.splits import HELD_BACK_SPLITS

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
OUT = HERE / "first_run.json"
# held-back splits measured here, each its own folder: all but the first (validation)
HELD_SPLITS = tuple(s for s in HELD_BACK_SPLITS if s != "validation")


def git(*args: str) -> str:
    out = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return out.stdout.strip()


def measured() -> dict[str, str]:
    """The commit, and the trees of extractor/ and models/ (what was measured; a tree id
    survives a rebase, a commit id does not)."""
    dirty = git("status", "--porcelain", "--", "extractor", "models")
    return {
        "commit": git("rev-parse", "HEAD"),
        "extractor_tree": git("rev-parse", "HEAD:extractor"),
        "models_tree": git("rev-parse", "HEAD:models"),
        "uncommitted_changes": "extractor/models" if dirty else "none",
    }


def figures(results: list[FileResult]) -> dict[str, Any]:
    clean = [r for r in results if r.clean]
    return {
        "reports": len(results),
        "rows_found": sum(r.rows.found for r in results),
        "rows_gold": sum(r.rows.gold for r in results),
        "sections_right": sum(r.fields.sections_right for r in results),
        "sections_total": sum(r.fields.sections_total for r in results),
        "scores_exact": sum(r.fields.scoring_exact for r in results),
        "errors_found": sum(len(r.findings.matched) for r in results),
        "errors_injected": sum(len(r.findings.matched) + len(r.findings.missed) for r in results),
        "clean_reports": len(clean),
        "false_alarms_clean": sum(len(r.findings.false_alarms) for r in clean),
        "clean_reports_flagged": sum(bool(r.findings.false_alarms) for r in clean),
        "false_alarms_other": sum(len(r.findings.false_alarms) for r in results if not r.clean),
    }


def run(corpus: Path = HERE, names: list[str] | None = None) -> dict[str, Any]:
    if any(p.name == "validation" for p in corpus.resolve().parents) or corpus.name == "validation":
        raise SystemExit("the validation split is not run here")
    opts = PipelineOptions(limits=Limits(timeout_s=120))
    here = corpus.resolve()
    split = next((s for s in HELD_SPLITS if here == (ROOT / "corpora" / s).resolve()), None)
    results: list[FileResult] = []
    for folder in [corpus / n for n in names] if names else [corpus]:
        if not folder.is_dir():
            raise SystemExit(f"no family folder {folder}")
        evaluation = evaluate_corpus(
            folder, opts, include_validation=split is not None, by="family"
        )
        results += evaluation.results
    by_family: dict[str, list[FileResult]] = defaultdict(list)
    for r in results:
        by_family[r.group].append(r)
    command = "python -m corpora.families.first_run" + (f" --split {split}" if split else "")
    return {
        **measured(),
        "command": command + "".join(f" --family {n}" for n in names or []),
        "overall": figures(results),
        "families": {name: figures(rs) for name, rs in sorted(by_family.items())},
        "files": {r.file: {**figures([r]), "mismatches": r.mismatches()} for r in results},
    }


def table(data: dict[str, Any], split: str = "dev") -> str:
    """The EVALUATION.md table rows (after-fix column empty)."""
    lines = []
    overall = "all development" if split == "dev" else f"all {split}"
    for name, f in [*data["families"].items(), (overall, data["overall"])]:
        rows = f"{f['rows_found']}/{f['rows_gold']} ({f['rows_found'] / f['rows_gold']:.0%})"
        secs = f"{f['sections_right']}/{f['sections_total']}"
        scores = f"{f['scores_exact']}/{f['reports']}"
        errors = f"{f['errors_found']}/{f['errors_injected']}"
        alarms = (
            f"{f['false_alarms_clean']} on {f['clean_reports_flagged']}/{f['clean_reports']} "
            f"clean ({f['false_alarms_other']} more on injected)"
        )
        lines.append(
            f"| {name} | {split} | {f['reports']} | {rows} | {secs} | {scores} | {errors} | "
            f"{alarms} | — |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m corpora.families.first_run", description=__doc__)
    ap.add_argument(
        "--split",
        choices=["dev", *HELD_SPLITS],
        default="dev",
        help="the development families, or a held-back split ("
        + ", ".join(f"corpora/{s}" for s in HELD_SPLITS)
        + ")",
    )
    ap.add_argument(
        "--family",
        action="append",
        dest="names",
        help="only this family (repeatable): a family added later gets its own first run, "
        "written to first_run_<names>.json unless --out says otherwise",
    )
    ap.add_argument("--out", type=Path, help=f"JSON output (default {OUT}, or the split's)")
    args = ap.parse_args()
    corpus = HERE if args.split == "dev" else ROOT / "corpora" / args.split
    out = args.out or (OUT if args.split == "dev" else corpus / "first_run.json")
    if args.names and not args.out:
        out = out.with_name(f"first_run_{'_'.join(args.names)}.json")
    data = run(corpus, args.names)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"commit {data['commit']} (extractor tree {data['extractor_tree']})")
    print(table(data, args.split))


if __name__ == "__main__":
    main()
