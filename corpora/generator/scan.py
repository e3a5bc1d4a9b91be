"""Turn a text PDF into an image-only "office scan" and copy its gold beside it.

Some published reports are scans with no text layer; the extractor must notice that and
fall back to OCR. Rather than ship real scans, we rasterise corpus PDFs and degrade them
the way a desk scanner does (gray paper, skew, blur, sensor noise, a shadow on one edge,
JPEG), so the scan's gold is simply the source's gold. Every random choice comes from a
generator seeded by (seed, page), and the PDF carries no dates, so the same seed gives a
byte-identical file.

    python -m corpora.generator.scan SRC.pdf OUT.pdf --seed 7 [--dpi 100]
    python -m corpora.generator.scan --all        # every entry of corpora/scanned/scans.yaml
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import yaml
from PIL import Image, ImageFilter

from extractor.records import GoldReport

MANIFEST = Path(__file__).resolve().parent.parent / "scanned" / "scans.yaml"
DEFAULT_DPI = 100
DEFAULT_QUALITY = 50


@dataclass(frozen=True)
class ScanJob:
    """One manifest entry; paths are relative to the manifest's folder."""

    source: Path
    output: Path
    seed: int
    dpi: int = DEFAULT_DPI


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


def degrade(page: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Make one clean grayscale rendering look like a mildly worn flatbed scan."""
    paper = float(rng.uniform(232, 246))
    ink = float(rng.uniform(50, 80))  # worn toner; softer edges also JPEG smaller
    angle = float(rng.uniform(0.3, 1.2) * rng.choice([-1.0, 1.0]))
    # Rotate first, filling the uncovered corners with paper, as the glass would show.
    img = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    a = np.asarray(img, dtype=np.float32) / 255.0
    a = ink + a * (paper - ink)  # scanners never reach pure black or white
    a = a * _shadow(img.size, rng)
    # Grain before the blur: the optics soften it, which is what scans look like and
    # keeps the JPEG small (sharp per-pixel noise would double the file size).
    a = a + rng.normal(0.0, rng.uniform(2.5, 4.0), a.shape).astype(np.float32)
    # Dust specks: a few dark dots, a few white dropouts.
    h, w = a.shape
    n = int(h * w * rng.uniform(0.00003, 0.00008))
    a[rng.integers(h, size=n), rng.integers(w, size=n)] = rng.uniform(40, 120, n)
    a[rng.integers(h, size=n // 2), rng.integers(w, size=n // 2)] = paper
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode="L")
    return img.filter(ImageFilter.GaussianBlur(radius=float(rng.uniform(0.8, 1.0))))


def scan_pdf(
    src: Path, out: Path, seed: int, dpi: int = DEFAULT_DPI, quality: int = DEFAULT_QUALITY
) -> int:
    """Write the image-only scan of `src` to `out`; return its page count."""
    doc = pdfium.PdfDocument(str(src))
    try:
        pages: list[Image.Image] = []
        for i in range(len(doc)):
            # Comments are screen-only: a printed-and-scanned page does not show them.
            bitmap = doc[i].render(scale=dpi / 72, grayscale=True, draw_annots=False)
            clean = bitmap.to_pil().convert("L")
            pages.append(degrade(clean, np.random.default_rng([seed, i])))
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


def scan_gold(src: Path, out: Path) -> Path:
    """Copy the source's gold, marking it as a scan of that file."""
    data = json.loads(gold_path(src).read_text(encoding="utf-8"))
    data["source"]["file"] = out.name
    data["source"].pop("sha256", None)  # the scan is a different file
    data.setdefault("variant", {}).update({"scan": True, "scan_of": src.name})
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
        )
        for e in entries
    ]


def run(job: ScanJob) -> None:
    pages = scan_pdf(job.source, job.output, job.seed, job.dpi)
    scan_gold(job.source, job.output)
    size_kb = job.output.stat().st_size / 1024
    print(f"{job.output.name}: {pages} pages, {size_kb:.0f} KB, from {job.source.name}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", nargs="?", type=Path, help="text PDF to scan")
    parser.add_argument("out", nargs="?", type=Path, help="image-only PDF to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dpi", type=int, default=DEFAULT_DPI)
    parser.add_argument("--all", action="store_true", help=f"rebuild every scan in {MANIFEST}")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    args = parser.parse_args(argv)
    if args.all:
        for job in read_manifest(args.manifest):
            run(job)
        return
    if args.src is None or args.out is None:
        parser.error("give SRC and OUT, or --all")
    job = ScanJob(args.src, args.out, args.seed, args.dpi)
    if gold_path(args.src).exists():
        run(job)
    else:  # a PDF without gold can still be scanned, e.g. for a quick look
        pages = scan_pdf(job.source, job.output, job.seed, job.dpi)
        print(f"{job.output.name}: {pages} pages (no gold beside {job.source.name})")


if __name__ == "__main__":
    main()
