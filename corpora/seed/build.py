"""Write the seed PDF and its gold JSON next to this module."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber

from corpora.generator.render import render
from corpora.seed.gold import gold
from corpora.seed.source import GOLD_NAME, HERE, PDF_NAME, seed_spec


def build(out_dir: Path = HERE) -> tuple[Path, Path]:
    """Render the PDF, count its pages, and write gold with sorted keys for clean diffs."""
    pdf_path = out_dir / PDF_NAME
    render(seed_spec(), pdf_path)
    with pdfplumber.open(pdf_path) as pdf:
        pages = len(pdf.pages)
    report = gold(pages)
    data = json.loads(report.model_dump_json(exclude_none=True))
    gold_path = out_dir / GOLD_NAME
    gold_path.write_text(
        json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return pdf_path, gold_path


def main() -> None:
    pdf_path, gold_path = build()
    print(f"wrote {pdf_path} and {gold_path}")
