"""Are `pinggu extract` records the same with the machine's fonts hidden? (issue 9)

Extracts every text-layer PDF of the development corpus (seed, handmade, generated,
families; not the scans, which need OCR, nor the held-back validation split) twice with
the real CLI: once as the machine is, once in a private mount namespace with an empty
tmpfs over each system font folder, so PDFium can substitute no installed face. The
records are compared value by value, provenance boxes aside (they may differ by
rounding). RELIABILITY.md quotes the output. Needs root and `unshare -m` (Linux).

    .venv/bin/python tests/reliability/fonts_hidden.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PINGGU = str(Path(sys.executable).with_name("pinggu"))
FOLDERS = ("seed", "handmade", "generated", "families")
HIDE_FONTS = (
    "for d in /usr/share/fonts /usr/local/share/fonts /usr/share/X11/fonts; do "
    '[ -d "$d" ] && mount -t tmpfs none "$d"; done; exec "$@"'
)


def corpus() -> list[Path]:
    return sorted(p for f in FOLDERS for p in (ROOT / "corpora" / f).rglob("*.pdf"))


def records(pdfs: list[Path], hide_fonts: bool) -> dict[str, object]:
    """File name → its record without boxes (or its one-line error)."""
    cmd = [PINGGU, "extract", "--no-ocr", *map(str, pdfs), "--format", "jsonl"]
    if hide_fonts:
        cmd = ["unshare", "-m", "--propagation", "private", "sh", "-c", HIDE_FONTS, "sh", *cmd]
    run = subprocess.run(cmd, capture_output=True, check=False, cwd=ROOT)
    out: dict[str, object] = {}
    for line in run.stdout.decode().splitlines():
        record = json.loads(line)
        out[Path(record["source"]["file"]).name] = without_boxes(record)
    for line in run.stderr.decode().splitlines():
        if line.startswith("error:"):
            out[line.split(":")[1].strip()] = line
    return out


def without_boxes(value: object) -> object:
    if isinstance(value, dict):
        return {k: without_boxes(v) for k, v in value.items() if k != "bbox"}
    if isinstance(value, list):
        return [without_boxes(v) for v in value]
    return value


def first_difference(a: object, b: object, where: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return first_difference(a.get(k), b.get(k), f"{where}.{k}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return first_difference(x, y, f"{where}[{i}]")
    return f"{where}: {a!r:.80} ≠ {b!r:.80}"


def main() -> int:
    pdfs = corpus()
    start = time.perf_counter()
    hidden = records(pdfs, hide_fonts=True)
    shown = records(pdfs, hide_fonts=False)
    same = [n for n in shown if n in hidden and shown[n] == hidden[n]]
    print(f"{len(same)} of {len(pdfs)} records identical with system fonts hidden")
    seconds = time.perf_counter() - start
    print(f"({len(shown)} records with fonts, {len(hidden)} without; {seconds:.0f} s)")
    for name in sorted(set(shown) | set(hidden)):
        if name not in same:
            print(f"- {name}: {first_difference(shown.get(name), hidden.get(name))}")
    return 0 if len(same) == len(pdfs) else 1


if __name__ == "__main__":
    sys.exit(main())
