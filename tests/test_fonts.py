"""Text read the same on every machine: glyphs from the PDF's own metrics, not from the
fonts the machine happens to have (issue 9).

PDFium substitutes an installed face for a font the PDF does not embed; before
`extractor.pdf.fonts`, glyph boxes followed the substitute and characters it lacked (√)
vanished. pdfminer never looks at installed fonts, so pdfplumber's characters are the
independent reference here: every character and box must agree with them.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from extractor.pdf.fallback_font import FONT_PATH, build
from extractor.pdf.fonts import metric_fonts
from extractor.pdf.pages import read_pages
from extractor.pdf.render import render_pages
from extractor.pdf.view import View

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
# Embedded and non-embedded (CID) fonts, ruled and three-line tables, rosters with √,
# the seed and both hand-written variants.
SAMPLE = [
    CORPORA / "seed" / "xicun_2024_final.pdf",
    CORPORA / "handmade" / "meiling_2023_mid.pdf",
    CORPORA / "handmade" / "qinghe_2024_final.pdf",
    *(CORPORA / "generated" / f"gen_{i:03d}.pdf" for i in (0, 1, 4, 12, 19, 38)),
]
# pdfminer cannot decode the middle dot of STSong-Light (UniGB-UCS2-H) and drops it with
# its advance, so the rest of that line sits one glyph to the left in its reading:
# lines holding one are left out of the comparison.
PDFMINER_DECODING = {"·"}
TOLERANCE_PT = 0.5


def test_committed_fallback_font_is_what_build_makes() -> None:
    pytest.importorskip("fontTools")
    assert FONT_PATH.read_bytes() == build(), "run: python -m extractor.pdf.fallback_font"


@pytest.mark.parametrize("pdf", SAMPLE, ids=lambda p: p.stem)
def test_glyphs_agree_with_pdfminer(pdf: Path) -> None:
    """Same characters, boxes within half a point, on every page."""
    ours = read_pages(pdf)
    missing: list[str] = []
    extra: list[str] = []
    worst = 0.0
    with pdfplumber.open(pdf) as plumber:
        for page, ref in zip(ours, plumber.pages, strict=True):
            skip = [g.top for g in page.glyphs if g.char in PDFMINER_DECODING]
            left = defaultdict(list)
            for g in page.glyphs:
                if not g.char.isspace() and not any(abs(g.top - t) < 1 for t in skip):
                    left[g.char].append(g)
            for c in ref.chars:
                if c["text"].isspace() or any(abs(c["top"] - t) < 1 for t in skip):
                    continue
                near = [
                    g
                    for g in left.get(c["text"], [])
                    if abs(g.x0 - c["x0"]) <= TOLERANCE_PT and abs(g.top - c["top"]) <= 1.0
                ]
                if not near:
                    missing.append(f"p{page.number} {c['text']!r} at {c['x0']:.1f},{c['top']:.1f}")
                    continue
                g = near[0]
                left[c["text"]].remove(g)
                worst = max(worst, abs(g.x1 - c["x1"]), abs(g.bottom - c["bottom"]))
            extra += [f"p{page.number} {g.char!r}" for glyphs in left.values() for g in glyphs]
    assert missing == []
    assert extra == []
    assert worst <= TOLERANCE_PT


def test_roster_marks_survive_without_cjk_faces() -> None:
    """The bug that started it: a non-embedded CID font's √ (gen_001's roster, page 12)."""
    page = read_pages(CORPORA / "generated" / "gen_001.pdf")[11]
    assert sum(g.char == "√" for g in page.glyphs) == 303


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_view_matches_pdfium_page_to_device(rotation: int) -> None:
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(500, 300)
    page.set_rotation(rotation)
    page.set_cropbox(20, 10, 480, 290)
    view = View.of(page)
    width, height = page.get_size()
    assert (view.width, view.height) == (width, height)
    k = 100
    dx, dy = ctypes.c_int(), ctypes.c_int()
    for x, y in [(20, 10), (480, 10), (20, 290), (100, 200)]:
        pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, int(width * k), int(height * k), 0, x, y, dx, dy)
        px, py = view.point(x, y)
        assert (round(px, 2), round(py, 2)) == (dx.value / k, dy.value / k)


def _turned_copy(src: Path, index: int, out: Path) -> None:
    """Page `index` of `src` rewritten the way Windows PDF printers write landscape pages:
    a portrait MediaBox, the content drawn turned, displayed through /Rotate 90. The
    content stream is wrapped in `q … cm … Q` (FPDFPage_TransFormWithClip), not
    regenerated, so text objects stay byte-identical."""
    pdf = pdfium.PdfDocument(src)
    keep = pdfium.PdfDocument.new()
    keep.import_pages(pdf, [index])
    page = keep[0]
    width, height = page.get_size()
    turn = pdfium_c.FS_MATRIX(0, 1, -1, 0, height, 0)  # (x, y) → (height - y, x)
    clip = pdfium_c.FS_RECTF(-1e5, 1e5, 1e5, -1e5)
    assert pdfium_c.FPDFPage_TransFormWithClip(page.raw, turn, clip)
    page.set_mediabox(0, 0, height, width)
    page.set_cropbox(0, 0, height, width)
    page.set_rotation(90)
    keep.save(out)


def test_page_displayed_through_rotate_reads_like_the_original(tmp_path: Path) -> None:
    src = CORPORA / "generated" / "gen_004.pdf"  # embedded font, ruled landscape table
    original = read_pages(src)
    index = next(p.number - 1 for p in original if p.landscape and p.rules)
    turned_pdf = tmp_path / "turned.pdf"
    _turned_copy(src, index, turned_pdf)
    (turned,) = read_pages(turned_pdf)
    before = original[index]
    assert (turned.width, turned.height) == pytest.approx((before.width, before.height))
    assert turned.landscape
    assert "".join(g.char for g in turned.glyphs) == "".join(g.char for g in before.glyphs)
    for g, h in zip(turned.glyphs, before.glyphs, strict=True):
        assert (g.x0, g.top, g.x1, g.bottom) == pytest.approx(
            (h.x0, h.top, h.x1, h.bottom), abs=0.05
        )
    assert len(turned.rules) == len(before.rules)
    for e, f in zip(sorted(turned.rules, key=_key), sorted(before.rules, key=_key), strict=True):
        assert e["orientation"] == f["orientation"]
        assert (e["x0"], e["top"], e["x1"], e["bottom"]) == pytest.approx(
            (f["x0"], f["top"], f["x1"], f["bottom"]), abs=0.05
        )


def _key(e: dict[str, object]) -> tuple[object, ...]:
    return (e["orientation"], round(float(e["top"]), 1), round(float(e["x0"]), 1))  # type: ignore[arg-type]


def test_page_images_keep_the_machines_faces() -> None:
    """Reading text switches faces only while it reads: a page image rendered afterwards
    is the same as one rendered before (the audit page shows real glyphs)."""
    pdf = CORPORA / "generated" / "gen_001.pdf"  # non-embedded STSong-Light

    def digest() -> str:
        return hashlib.md5(render_pages(pdf, [3], scale=1.0)[3].image.tobytes()).hexdigest()

    before = digest()
    read_pages(pdf)
    assert digest() == before
    with metric_fonts():
        boxes = digest()
    assert boxes != before or not _has_cjk_faces()


def _has_cjk_faces() -> bool:
    folders = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    return any(
        p.suffix.lower() in {".ttc", ".otf", ".ttf"}
        and ("wqy" in p.name or "cjk" in p.name.lower())
        for folder in folders
        if folder.is_dir()
        for p in folder.rglob("*")
    )


def _can_hide_fonts() -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "true"], capture_output=True, check=False
    )
    return probe.returncode == 0


HIDE_FONTS = (
    "for d in /usr/share/fonts /usr/local/share/fonts /usr/share/X11/fonts; do "
    '[ -d "$d" ] && mount -t tmpfs none "$d"; done; exec "$@"'
)


def _extract_json(pdfs: list[Path], hide_fonts: bool) -> list[dict[str, object]]:
    pinggu = str(Path(sys.executable).with_name("pinggu"))
    cmd = [pinggu, "extract", *map(str, pdfs), "--format", "jsonl"]
    if hide_fonts:
        cmd = ["unshare", "-m", "--propagation", "private", "sh", "-c", HIDE_FONTS, "sh", *cmd]
    run = subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT, timeout=600)
    return [_without_boxes(json.loads(line)) for line in run.stdout.decode().splitlines()]


def _without_boxes(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_boxes(v) for k, v in value.items() if k != "bbox"}
    if isinstance(value, list):
        return [_without_boxes(v) for v in value]
    return value


def test_records_identical_with_system_fonts_hidden() -> None:
    """`pinggu extract` gives the same values whether or not the machine has fonts
    (boxes may differ by rounding only, so they are left out of the comparison)."""
    if not _can_hide_fonts():
        if os.environ.get("CI"):
            pytest.fail("CI must be able to hide fonts (root and unshare -m)")
        pytest.skip("needs root and unshare -m to hide the font folders")
    pdfs = [p for p in SAMPLE if "gen_0" in p.name][:4] + SAMPLE[:1]
    assert _extract_json(pdfs, hide_fonts=True) == _extract_json(pdfs, hide_fonts=False)
