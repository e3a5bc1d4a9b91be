"""Turn a text PDF into an image-only "office scan" and copy its gold beside it.

Some published reports are scans with no text layer; the extractor must notice that and
fall back to OCR. Rather than ship real scans, we rasterise corpus PDFs and degrade them
the way a desk scanner does (gray paper, skew, blur, sensor noise, a shadow on one edge,
JPEG), so the scan's gold is simply the source's gold. Every random choice comes from a
generator seeded by (seed, page), and the PDF carries no dates, so the same seed gives a
byte-identical file.

    python -m corpora.generator.scan SRC.pdf OUT.pdf --seed 7 [--dpi 100] [--colour] [--seal]
    python -m corpora.generator.scan --all        # every entry of corpora/scanned/scans.yaml

Archives hold scans at 200-300 dpi, grey or colour, often with the evaluator's red seal
(公章) pressed over part of the score page; the 100-dpi scans are the hard case.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import yaml
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from extractor.records import GoldReport

MANIFEST = Path(__file__).resolve().parent.parent / "scanned" / "scans.yaml"
DEFAULT_DPI = 100
DEFAULT_QUALITY = 50
# Scores page: where the seal goes (the evaluator stamps its result).
SCORE_WORDS = ("总得分", "评估等级")
SEAL_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
SEAL_TEXT = "评估专用章"


@dataclass(frozen=True)
class ScanJob:
    """One manifest entry; paths are relative to the manifest's folder."""

    source: Path
    output: Path
    seed: int
    dpi: int = DEFAULT_DPI
    colour: bool = False
    seal: bool = False
    quality: int = DEFAULT_QUALITY


def _shadow(size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """Darkening factor (≤ 1) for a soft shadow along one randomly chosen edge."""
    w, h = size
    edge = int(rng.integers(4))  # 0 left, 1 right, 2 top, 3 bottom
    span = w if edge < 2 else h
    width = max(4, int(span * rng.uniform(0.015, 0.035)))
    depth = rng.uniform(0.25, 0.45)  # how dark the very edge gets
    ramp = np.ones(span, dtype=np.float32)
    ramp[:width] = 1.0 - depth * (1.0 - np.arange(width, dtype=np.float32) / width) ** 2
    if edge in (1, 3):
        ramp = ramp[::-1]
    if edge < 2:
        return np.broadcast_to(ramp[None, :], (h, w))
    return np.broadcast_to(ramp[:, None], (h, w))


def degrade(page: Image.Image, rng: np.random.Generator, dpi: int = DEFAULT_DPI) -> Image.Image:
    """Make one clean rendering (grey "L" or colour "RGB") look like a mildly worn
    flatbed scan."""
    colour = page.mode == "RGB"
    paper = float(rng.uniform(232, 246))
    ink = float(rng.uniform(50, 80))  # worn toner; softer edges also JPEG smaller
    angle = float(rng.uniform(0.3, 1.2) * rng.choice([-1.0, 1.0]))
    # Rotate first, filling the uncovered corners with paper, as the glass would show.
    fill: int | tuple[int, int, int] = (255, 255, 255) if colour else 255
    img = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=fill)
    a = np.asarray(img, dtype=np.float32) / 255.0
    if colour:  # paper a little warm: recycled office paper under a scanner lamp
        tint = np.array([1.0, 0.985, 0.95], dtype=np.float32) * paper
        a = ink + a * (tint - ink)
    else:
        a = ink + a * (paper - ink)  # scanners never reach pure black or white
    shadow = _shadow(img.size, rng)
    a = a * (shadow[..., None] if colour else shadow)
    # Grain before the blur: the optics soften it, which is what scans look like and
    # keeps the JPEG small (sharp per-pixel noise would double the file size).
    grain = rng.normal(0.0, rng.uniform(2.5, 4.0), a.shape[:2]).astype(np.float32)
    a = a + (grain[..., None] if colour else grain)
    # Dust specks: a few dark dots, a few white dropouts.
    h, w = a.shape[:2]
    n = int(h * w * rng.uniform(0.00003, 0.00008))
    a[rng.integers(h, size=n), rng.integers(w, size=n)] = (
        rng.uniform(40, 120, n)[:, None] if colour else rng.uniform(40, 120, n)
    )
    a[rng.integers(h, size=n // 2), rng.integers(w, size=n // 2)] = paper
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode="RGB" if colour else "L")
    # Finer scans are a little blurrier in pixels (the optics do not sharpen with the
    # sensor), though much sharper on paper: 1.5x the radius at 300 dpi.
    radius = float(rng.uniform(0.8, 1.0)) * max(1.0, dpi / 200)
    return out.filter(ImageFilter.GaussianBlur(radius=radius))


def _seal(size: int) -> Image.Image:
    """A round red seal (公章) as RGBA: ring, star and the legend, ink a little uneven."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    red = (200, 30, 35, 170)
    ring = max(3, size // 28)
    d.ellipse((ring, ring, size - ring, size - ring), outline=red, width=ring)
    c, r = size / 2, size * 0.13
    star = [
        (
            c + r * (1 if k % 2 == 0 else 0.4) * np.sin(k * np.pi / 5),
            c - r * (1 if k % 2 == 0 else 0.4) * np.cos(k * np.pi / 5),
        )
        for k in range(10)
    ]
    d.polygon(star, fill=red)
    font = ImageFont.truetype(str(SEAL_FONT), max(8, size // 9))
    d.text((c, c + size * 0.25), SEAL_TEXT, font=font, fill=red, anchor="mm")
    return img


def _score_box(doc: pdfium.PdfDocument) -> tuple[int, tuple[float, float]] | None:
    """(page index, centre in PDF points from the top-left) of the printed total score:
    its last mention (the earlier ones are the grade bands and the method)."""
    for i in reversed(range(len(doc))):
        page = doc[i]
        text = page.get_textpage()
        try:
            full = text.get_text_range()
            for word in SCORE_WORDS:
                at = full.rfind(word)
                if at < 0:
                    continue
                x0, y0, x1, y1 = text.get_charbox(at)
                return i, ((x0 + x1) / 2, page.get_height() - (y0 + y1) / 2)
        finally:
            text.close()
            page.close()
    return None


def stamp(
    page: Image.Image, centre: tuple[float, float], dpi: int, rng: np.random.Generator
) -> Image.Image:
    """The page with a seal pressed over the point `centre` (pixels), a little off and
    turned, multiplied into the ink below it as a real stamp is."""
    size = int(dpi * 1.6)  # a 4 cm seal
    seal = _seal(size).rotate(float(rng.uniform(-25, 25)), resample=Image.Resampling.BICUBIC)
    x = int(centre[0] + rng.uniform(0.2, 0.6) * size - size / 2)
    y = int(centre[1] + rng.uniform(-0.3, 0.1) * size - size / 2)
    base = page.convert("RGB")
    layer = Image.new("RGB", base.size, (255, 255, 255))
    layer.paste(seal.convert("RGB"), (x, y), seal)
    stamped = Image.fromarray(
        (np.asarray(base, dtype=np.uint16) * np.asarray(layer, dtype=np.uint16) // 255).astype(
            np.uint8
        )
    )
    return stamped if page.mode == "RGB" else stamped.convert("L")


def scan_pdf(
    src: Path,
    out: Path,
    seed: int,
    dpi: int = DEFAULT_DPI,
    quality: int = DEFAULT_QUALITY,
    *,
    colour: bool = False,
    seal: bool = False,
) -> int:
    """Write the image-only scan of `src` to `out`; return its page count."""
    doc = pdfium.PdfDocument(str(src))
    try:
        where = _score_box(doc) if seal else None
        pages: list[Image.Image] = []
        for i in range(len(doc)):
            # Comments are screen-only: a printed-and-scanned page does not show them.
            bitmap = doc[i].render(scale=dpi / 72, grayscale=not colour, draw_annots=False)
            clean = bitmap.to_pil().convert("RGB" if colour else "L")
            rng = np.random.default_rng([seed, i])
            if where is not None and where[0] == i:
                centre = (where[1][0] * dpi / 72, where[1][1] * dpi / 72)
                clean = stamp(clean, centre, dpi, rng)
            pages.append(degrade(clean, rng, dpi))
    finally:
        doc.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    # No creation/modification dates (Pillow would stamp the clock) and a fixed title,
    # so reruns are byte-identical; JPEG at this quality is the scan's compression.
    pages[0].save(
        out,
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=float(dpi),
        quality=quality,
        optimize=True,
        title=out.stem,
        producer="Pinggu corpus scan",
        creationDate=None,
        modDate=None,
    )
    return len(pages)


def gold_path(pdf: Path) -> Path:
    return pdf.with_name(pdf.stem + ".gold.json")


def scan_gold(src: Path, out: Path, job: ScanJob | None = None) -> Path:
    """Copy the source's gold, marking it as a scan of that file (and, for a manifest
    entry, its resolution, colour and seal, so evaluation can group by them)."""
    data = json.loads(gold_path(src).read_text(encoding="utf-8"))
    data["source"]["file"] = out.name
    data["source"].pop("sha256", None)  # the scan is a different file
    data.setdefault("variant", {}).update({"scan": True, "scan_of": src.name})
    if job is not None:
        data["variant"].update(
            {"scan_dpi": job.dpi, "scan_colour": job.colour, "scan_seal": job.seal}
        )
    GoldReport.model_validate(data)  # fail here, not in evaluation, if the copy is bad
    target = gold_path(out)
    target.write_text(
        json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return target


def read_manifest(path: Path = MANIFEST) -> list[ScanJob]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    base = path.parent
    return [
        ScanJob(
            source=(base / e["source"]).resolve(),
            output=(base / e["output"]).resolve(),
            seed=int(e["seed"]),
            dpi=int(e.get("dpi", DEFAULT_DPI)),
            colour=bool(e.get("colour", False)),
            seal=bool(e.get("seal", False)),
            quality=int(e.get("quality", DEFAULT_QUALITY)),
        )
        for e in entries
    ]


def run(job: ScanJob, gold_only: bool = False) -> None:
    if gold_only:
        print(scan_gold(job.source, job.output, job).name)
        return
    pages = scan_pdf(
        job.source, job.output, job.seed, job.dpi, job.quality, colour=job.colour, seal=job.seal
    )
    scan_gold(job.source, job.output, job)
    size_kb = job.output.stat().st_size / 1024
    print(f"{job.output.name}: {pages} pages, {size_kb:.0f} KB, from {job.source.name}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", nargs="?", type=Path, help="text PDF to scan")
    parser.add_argument("out", nargs="?", type=Path, help="image-only PDF to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dpi", type=int, default=DEFAULT_DPI)
    parser.add_argument("--colour", action="store_true", help="scan in colour (RGB JPEG)")
    parser.add_argument("--seal", action="store_true", help="a red seal on the score page")
    parser.add_argument("--quality", type=int, default=DEFAULT_QUALITY, help="JPEG quality")
    parser.add_argument("--only", help="with --all: only outputs whose name contains this")
    parser.add_argument("--gold-only", action="store_true", help="with --all: gold files only")
    parser.add_argument("--all", action="store_true", help=f"rebuild every scan in {MANIFEST}")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    args = parser.parse_args(argv)
    if args.all:
        for job in read_manifest(args.manifest):
            if args.only is None or args.only in job.output.name:
                run(job, args.gold_only)
        return
    if args.src is None or args.out is None:
        parser.error("give SRC and OUT, or --all")
    job = ScanJob(args.src, args.out, args.seed, args.dpi, args.colour, args.seal, args.quality)
    if gold_path(args.src).exists():
        run(job)
    else:  # a PDF without gold can still be scanned, e.g. for a quick look
        pages = scan_pdf(
            job.source, job.output, job.seed, job.dpi, job.quality, colour=job.colour, seal=job.seal
        )
        print(f"{job.output.name}: {pages} pages (no gold beside {job.source.name})")


if __name__ == "__main__":
    main()
