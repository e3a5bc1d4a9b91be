"""Word document → PDF the way most reports are made: LibreOffice's writer_pdf_Export
(`soffice --headless --convert-to pdf`), then what some offices do after it.

- `rotate_landscape`: a Windows PDF printer writes a landscape page as a portrait
  MediaBox whose content is drawn turned, shown landscape through the page's /Rotate.
  pypdf does the same to LibreOffice's landscape pages.
- `watermark`: LibreOffice's PDF export draws a diagonal text watermark on every page
  (the export filter's `Watermark*` options, as the PDF dialog's 水印 box sets them):
  drawn text that is in the text layer, its characters turned 45° and read by text
  extraction in among the lines they cross, but not the report's content.
- `notes`: Word comments (批注) exported as PDF annotations (the filter's `ExportNotes`,
  the PDF dialog's "Comments as PDF annotations"): a note icon at each comment's anchor,
  the comment's author and text in the annotation (/Contents), not in the page's text
  layer and not the report's content. (LibreOffice 7.4 has no "comments in margin".)
- `scrub`: LibreOffice stamps the export time (/CreationDate), a time-based /ID and a
  /DocChecksum over both; they are overwritten in place, byte for byte the same length,
  so the xref table stays valid and a rebuild gives the same file.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import RectangleObject

SOFFICE_TIMEOUT_S = 600
FIXED_DATE_DIGITS = "20250101000000" + "0" * 8
DATE = re.compile(rb"/(CreationDate|ModDate)\s*\((D:[^)]*)\)")
ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
WATERMARK_GREY = 0xC0C0C0  # light grey, as offices set it (LibreOffice's default is green)
CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def export_filter(watermark: str | None = None, notes: bool = False) -> str:
    """The --convert-to argument: writer_pdf_Export, with its options as JSON (LibreOffice
    7.4+) when a watermark is asked for (light grey, 黑体 80 pt, turned 45°) or the
    comments are to be exported as annotations."""
    options: dict[str, dict[str, str]] = {}
    if watermark:
        options |= {
            "Watermark": {"type": "string", "value": watermark},
            "WatermarkColor": {"type": "long", "value": str(WATERMARK_GREY)},
            "WatermarkFontHeight": {"type": "long", "value": "80"},
            "WatermarkRotateAngle": {"type": "long", "value": "450"},  # tenths of a degree
            "WatermarkFontName": {"type": "string", "value": "黑体"},
        }
    if notes:
        options["ExportNotes"] = {"type": "boolean", "value": "true"}
    if not options:
        return "pdf:writer_pdf_Export"
    return "pdf:writer_pdf_Export:" + json.dumps(options, ensure_ascii=False)


def soffice_pdf(
    docx_files: list[Path],
    out_dir: Path,
    watermark: str | None = None,
    notes: bool = False,
) -> list[Path]:
    """Convert Word files in one LibreOffice run, with a private profile so that builds
    by other users on the machine do not share (and lock) one; `watermark` is drawn
    diagonally on every page of every file, `notes` exports their comments as PDF
    annotations."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is needed: apt-get install libreoffice-writer")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pinggu-lo-") as profile:
        cmd = [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            export_filter(watermark, notes),
            "--outdir",
            str(out_dir),
            *map(str, docx_files),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_S)
    out = [out_dir / (d.stem + ".pdf") for d in docx_files]
    missing = [p.name for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice wrote no PDF for {missing}")
    return out


def rotate_landscape(pdf: Path, rotate: int) -> list[int]:
    """Re-encode every landscape page as a portrait MediaBox with turned content and
    /Rotate `rotate` (90 or 270), so it still displays landscape. Returns the pages."""
    if rotate not in (90, 270):
        raise ValueError(rotate)
    writer = PdfWriter(clone_from=PdfReader(pdf))
    turned: list[int] = []
    for i, page in enumerate(writer.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        if width <= height:
            continue
        if rotate == 90:  # shown turned clockwise: display (x, y) = content (height - y', x')
            t = Transformation().rotate(90).translate(height, 0)
        else:
            t = Transformation().rotate(-90).translate(0, width)
        page.add_transformation(t)
        box = RectangleObject([0, 0, height, width])
        page.mediabox = box
        page.cropbox = box
        page.rotation = rotate
        turned.append(i + 1)
    with pdf.open("wb") as fh:
        writer.write(fh)
    return turned


def scrub(pdf: Path) -> None:
    """Fixed dates and an /ID derived from the file name, same byte lengths."""
    data = pdf.read_bytes()

    def date(m: re.Match[bytes]) -> bytes:
        stamp = m.group(2)
        digits = iter(FIXED_DATE_DIGITS.encode())
        fixed = bytes(next(digits) if chr(b).isdigit() else b for b in stamp)
        return m.group(0).replace(stamp, fixed)

    data = DATE.sub(date, data)
    seed = hashlib.md5(pdf.name.encode(), usedforsecurity=False).hexdigest().upper().encode()

    def ident(m: re.Match[bytes]) -> bytes:
        out = m.group(0)
        for g in (1, 2):
            old = m.group(g)
            new = (seed * (len(old) // len(seed) + 1))[: len(old)]
            out = out.replace(old, new)
        return out

    data = ID.sub(ident, data)

    def checksum(m: re.Match[bytes]) -> bytes:
        old = m.group(1)
        return m.group(0).replace(old, (seed * 2)[: len(old)])

    pdf.write_bytes(CHECKSUM.sub(checksum, data))


def page_count(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)
