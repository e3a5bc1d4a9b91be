"""Render the small page previews that corpora/README.md shows, one per family variant.

A reader deciding whether the corpus covers their reports wants to see the pages, not
read knob names. Pages are chosen in `corpora/previews/previews.yaml`, by number or by
the heading a page starts with, so regenerating the corpus does not break the list.

    python -m corpora.generator.preview
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import yaml

CORPORA = Path(__file__).resolve().parent.parent
MANIFEST = CORPORA / "previews" / "previews.yaml"
DPI = 45


def first_line(page: pdfium.PdfPage) -> str:
    """The page's first text line that is not a bare page number."""
    text = str(page.get_textpage().get_text_range())
    for line in text.splitlines():
        line = line.strip()
        if line and not line.isdigit():
            return line
    return ""


def pick_page(doc: pdfium.PdfDocument, entry: dict[str, object]) -> int:
    """0-based index of the page an entry asks for."""
    if "page" in entry:
        return int(str(entry["page"])) - 1
    marker = str(entry["find"])
    for i in range(len(doc)):
        if first_line(doc[i]).startswith(marker):
            return i + int(str(entry.get("offset", 0)))
    raise LookupError(f"no page starts with {marker!r}")


def render_preview(pdf: Path, index: int, out: Path, dpi: int = DPI) -> None:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        img = doc[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(out, "PNG", optimize=True)


def main() -> None:
    entries = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    for entry in entries:
        pdf = CORPORA / entry["pdf"]
        doc = pdfium.PdfDocument(str(pdf))
        try:
            index = pick_page(doc, entry)
        finally:
            doc.close()
        out = MANIFEST.parent / entry["output"]
        render_preview(pdf, index, out)
        print(f"{out.name}: {entry['pdf']} page {index + 1}, {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
