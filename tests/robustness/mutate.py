"""Seeded, deterministic mutants of corpus PDFs: the damage real archives hold.

Each mutant is one source PDF with one kind of damage, chosen and placed by a generator
seeded with `(seed, index)`, so mutant 417 of seed 2026 is the same bytes on every
machine and in every run, whatever the count asked for. The kinds follow what breaks
PDFs in the wild: bit rot inside compressed streams, interrupted downloads, objects lost
by a broken editor, a damaged cross-reference table, junk before the header, zeroed
disk blocks, and damaged font programs or ToUnicode maps (the usual cause of text that
decodes to garbage).

    .venv/bin/python -m tests.robustness.mutate --seed 2026 --count 20 --out /tmp/mutants
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = (
    "corpora/seed/xicun_2024_final.pdf",
    "corpora/generated/gen_000.pdf",
    "corpora/generated/gen_004.pdf",
    "corpora/generated/gen_012.pdf",
    "corpora/handmade/meiling_2023_mid.pdf",
    "corpora/handmade/qinghe_2024_final.pdf",
)

_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b(.*?)\bendobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\n?endstream", re.S)
_FONT_REFS = re.compile(rb"/(?:ToUnicode|FontFile2?|FontFile3)\s+(\d+)\s+\d+\s+R")


@dataclass(frozen=True, slots=True)
class Mutant:
    name: str
    source: Path
    kind: str
    data: bytes


def _streams(data: bytes) -> list[tuple[int, int]]:
    """(start, end) byte spans of every stream's data."""
    return [(m.start(1), m.end(1)) for m in _STREAM.finditer(data) if m.end(1) > m.start(1)]


def _flip(data: bytearray, start: int, end: int, rng: random.Random, flips: int) -> None:
    for _ in range(flips):
        i = rng.randrange(start, end)
        data[i] ^= rng.randrange(1, 256)


def flip_stream(data: bytes, rng: random.Random) -> bytes:
    """Flip 1-8 bytes inside one stream (bit rot in compressed page content)."""
    spans = _streams(data)
    out = bytearray(data)
    if not spans:
        _flip(out, 0, len(out), rng, 4)
        return bytes(out)
    start, end = rng.choice(spans)
    _flip(out, start, end, rng, rng.randint(1, 8))
    return bytes(out)


def font_stream(data: bytes, rng: random.Random) -> bytes:
    """Flip bytes inside a font program or a ToUnicode map (text decodes to garbage)."""
    wanted = {int(n) for n in _FONT_REFS.findall(data)}
    spans = []
    for m in _OBJECT.finditer(data):
        if int(m.group(1)) in wanted:
            s = _STREAM.search(data, m.start(3), m.end(3))
            if s and s.end(1) > s.start(1):
                spans.append((s.start(1), s.end(1)))
    if not spans:
        return flip_stream(data, rng)
    out = bytearray(data)
    for start, end in rng.sample(spans, k=min(len(spans), rng.randint(1, 3))):
        _flip(out, start, end, rng, rng.randint(1, 16))
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    """Cut the file short (an interrupted download)."""
    return data[: int(len(data) * rng.uniform(0.05, 0.98))]


def delete_object(data: bytes, rng: random.Random) -> bytes:
    """Blank 1-3 whole objects, keeping every offset (the xref then points at nothing)."""
    objects = list(_OBJECT.finditer(data))
    out = bytearray(data)
    for m in rng.sample(objects, k=min(len(objects), rng.randint(1, 3))):
        out[m.start() : m.end()] = b" " * (m.end() - m.start())
    return bytes(out)


def break_xref(data: bytes, rng: random.Random) -> bytes:
    """Damage the cross-reference table or the pointer to it."""
    out = bytearray(data)
    how = rng.choice(("startxref", "table", "trailer"))
    if how == "startxref":
        m = re.search(rb"startxref\s+(\d+)", data[-2048:])
        if m:
            base = len(data) - len(data[-2048:])
            digits = bytes(rng.choice(b"0123456789") for _ in range(m.end(1) - m.start(1)))
            out[base + m.start(1) : base + m.end(1)] = digits
            return bytes(out)
    if how == "table":
        i = data.rfind(b"xref")
        if i >= 0:
            n = min(len(data) - i, rng.randint(20, 400))
            out[i : i + n] = bytes(rng.randrange(256) for _ in range(n))
            return bytes(out)
    i = data.rfind(b"/Root")
    if i >= 0:
        out[i : i + 5] = b"/Rxxt"
    return bytes(out)


def header_garbage(data: bytes, rng: random.Random) -> bytes:
    """Junk before or over the header (a mail gateway's preamble, a damaged first block)."""
    if rng.random() < 0.5:
        junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000)))
        return junk + data
    out = bytearray(data)
    n = rng.randint(1, 16)
    out[:n] = bytes(rng.randrange(256) for _ in range(n))
    return bytes(out)


def zero_range(data: bytes, rng: random.Random) -> bytes:
    """Zero 16 bytes to 4 KB somewhere (a lost disk block)."""
    n = rng.randint(16, 4096)
    start = rng.randrange(max(1, len(data) - n))
    return data[:start] + bytes(min(n, len(data) - start)) + data[start + n :]


KINDS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "flip_stream": flip_stream,
    "font_stream": font_stream,
    "truncate": truncate,
    "delete_object": delete_object,
    "break_xref": break_xref,
    "header_garbage": header_garbage,
    "zero_range": zero_range,
}


def default_sources() -> list[Path]:
    return [ROOT / s for s in DEFAULT_SOURCES]


def mutants(sources: Sequence[Path], count: int, seed: int, start: int = 0) -> Iterator[Mutant]:
    """Mutants `start` … `start + count - 1` of `seed`: kinds in turn, source and damage
    drawn from a generator seeded by (seed, index)."""
    cache: dict[Path, bytes] = {}
    kinds = list(KINDS)
    for i in range(start, start + count):
        rng = random.Random(f"pinggu-mutant/{seed}/{i}")
        source = sources[rng.randrange(len(sources))]
        data = cache.get(source) or cache.setdefault(source, source.read_bytes())
        kind = kinds[i % len(kinds)]
        name = f"{source.stem}-{seed}-{i:05d}-{kind}.pdf"
        yield Mutant(name, source, kind, KINDS[kind](data, rng))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for m in mutants(default_sources(), args.count, args.seed, args.start):
        (args.out / m.name).write_bytes(m.data)
    print(f"{args.count} mutants in {args.out}")


if __name__ == "__main__":
    main()
