"""python -m corpora.families [FAMILY ...] [--gold-only]: rebuild PDFs and gold."""

from __future__ import annotations

import argparse

from corpora.families.build import build, families


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m corpora.families", description=__doc__)
    names = [f.name for f in families()]
    ap.add_argument("names", nargs="*", help=f"families (default all): {names}")
    ap.add_argument(
        "--gold-only", action="store_true", help="rewrite gold only, from the PDFs already built"
    )
    args = ap.parse_args()
    for path in build(args.names or None, args.gold_only):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
