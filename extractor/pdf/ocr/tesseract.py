"""Tesseract (the `tesseract` binary, `chi_sim` data) as an OCR engine.

Kept selectable (`--ocr-engine tesseract`) for machines where the RapidOCR extra cannot
be installed; on the corpus scans it reads about twice as many characters wrong. The
binary is called through `subprocess` rather than a Python wrapper: one TSV call per
page is all that is needed. Tesseract boxes words, not characters, so a word's box is
shared out over its characters and each gets the word's confidence.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from extractor.errors import OcrUnavailableError
from extractor.pdf.ocr.lines import OcrChar, OcrLine, cjk

PSM = 6  # one uniform block: on these pages as good as 3/4, and keeps table rows whole
PAGE_TIMEOUT = 3600  # s: a hung binary; the parse as a whole is bounded by the caller


def check_tesseract(lang: str) -> str:
    """Path of the tesseract binary; raise OcrUnavailableError if it or `lang` is missing."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailableError("the tesseract binary is not on PATH")
    try:
        listed = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrUnavailableError(f"`tesseract --list-langs` failed: {exc}") from exc
    have = {ln.strip() for ln in (listed.stdout + listed.stderr).splitlines()[1:]}
    missing = [part for part in lang.split("+") if part not in have]
    if missing:
        raise OcrUnavailableError(f"tesseract has no language data for {', '.join(missing)}")
    return exe


def parse_tsv(tsv: str) -> list[OcrLine]:
    """Tesseract's TSV output (level 5 rows: words) as lines of characters."""
    lines: dict[tuple[str, str, str], OcrLine] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = "".join((row.get("text") or "").split())
        if row.get("level") != "5" or not text:
            continue
        left, top = float(row["left"]), float(row["top"])
        right, bottom = left + float(row["width"]), top + float(row["height"])
        key = (row["block_num"], row["par_num"], row["line_num"])
        line = lines.setdefault(key, OcrLine(top, bottom))
        line.top, line.bottom = min(line.top, top), max(line.bottom, bottom)
        conf = max(0.0, min(1.0, float(row.get("conf") or 0) / 100))
        units = [2.0 if cjk(c) else 1.0 for c in text]
        step = (right - left) / sum(units)
        x = left
        for ch, u in zip(text, units, strict=True):
            line.chars.append(OcrChar(ch, x, x + u * step, conf))
            x += u * step
    return list(lines.values())


class TesseractEngine:
    name = "tesseract"
    min_dpi = 300.0  # Tesseract reads a 100-dpi scan better upscaled

    def __init__(self, threads: int = 1, lang: str = "chi_sim") -> None:
        # One thread: Tesseract's OpenMP threads spin and are slower than one on a busy
        # machine of few cores (a page took over 5 minutes with two on a loaded one).
        self.threads = threads
        self.lang = lang
        self._exe: str | None = None

    def version(self) -> str:
        exe = self._exe or check_tesseract(self.lang)
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
        first = (out.stdout or out.stderr).splitlines()[:1]
        return first[0].strip() if first else "tesseract"

    def read(self, image: Image.Image) -> list[OcrLine]:
        if self._exe is None:
            self._exe = check_tesseract(self.lang)
        env = {**os.environ, "OMP_THREAD_LIMIT": str(self.threads)}
        with tempfile.TemporaryDirectory(prefix="pinggu-ocr-") as tmp:
            png = Path(tmp) / "page.png"
            image.save(png)
            cmd = [self._exe, str(png), "stdout", "-l", self.lang, "--psm", str(PSM), "tsv"]
            done = subprocess.run(
                cmd, capture_output=True, text=True, env=env, timeout=PAGE_TIMEOUT, check=False
            )
        if done.returncode != 0:
            raise RuntimeError(f"tesseract failed: {done.stderr.strip()[-500:]}")
        return parse_tsv(done.stdout)
