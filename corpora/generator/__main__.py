"""CLI: python -m corpora.generator --seed 2026 --count 44 --out corpora/generated."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from corpora.generator.corpus import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m corpora.generator",
        description="Generate synthetic evaluation-report PDFs with gold JSON.",
        epilog="example: python -m corpora.generator --seed 2026 --count 44 "
        "--out corpora/generated",
    )
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--count", type=int, default=44)
    ap.add_argument("--out", type=Path, default=Path("corpora/generated"))
    ap.add_argument(
        "--gold-only", action="store_true", help="write gold JSON only (no fonts needed)"
    )
    args = ap.parse_args(argv)
    done = generate(args.seed, args.count, args.out, gold_only=args.gold_only)
    kinds = Counter(f.kind for g in done for f in g.gold.expected_findings)
    clean = sum(not g.gold.expected_findings for g in done)
    summary = dict(sorted(kinds.items()))
    print(f"wrote {len(done)} reports to {args.out} ({clean} clean); errors: {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
