"""Damage PDFium repairs without a word: compressed streams that do not inflate, and
objects the pages or fonts point at that are not in the file.

PDFium reads what it can of a damaged file: a page whose content stream breaks off
half-way shows its first half, a font whose program or ToUnicode map is gone decodes to
other characters, a page whose content object is missing is blank. Text read from such
a file can lose a total or change a digit, and nothing in PDFium's API says so. This
module looks at the file's bytes instead: every Flate stream must inflate to its end
with a correct checksum, and every object that a page tree, a page's content or a
font refers to must exist (as `N G obj` or inside an object stream). What it finds is
reported as problems, never as an error: the file is still read as far as it goes.
Encrypted files are not checked (their streams inflate only after decryption).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

# `<< … >> stream` as written by producers: the keyword right after a dictionary.
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_ENDSTREAM = re.compile(rb"endstream")
_OBJECT = re.compile(rb"(?<![\d.])(\d{1,10})\s+(\d{1,5})\s+obj\b")
_OBJ = re.compile(rb"obj\b")
_DIGIT_OR_SPACE = frozenset(b"0123456789 \t\n\r\x0b\x0c")  # `\d` and `\s` in bytes
# References whose target a page needs: the page tree, a page's content and resources,
# and a font's descendants, descriptor, program and ToUnicode map.
_NEEDED = re.compile(
    rb"/(?:Kids|Contents|Resources|Font|DescendantFonts|FontDescriptor|ToUnicode|"
    rb"FontFile[23]?)\s*(\[[^\]]*\]|<<(?:[^<>]|<<[^<>]*>>)*>>|\d+\s+\d+\s+R)"
)
_REF = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+R\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_ASCII85 = (b"ASCII85Decode", b"A85")
_ASCIIHEX = (b"ASCIIHexDecode", b"AHx")
_FLATE_NAMES = (b"FlateDecode", b"Fl")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm")
_N = re.compile(rb"/N\s+(\d+)")
_FIRST = re.compile(rb"/First\s+(\d+)")
_DICT_BACK = 4096  # how far before `stream` to look for its dictionary
_INFLATE_CAP = 64 << 20  # stop inflating one stream after this much output (a bomb)


@dataclass(frozen=True, slots=True)
class Damage:
    """What is wrong, in one line, and how many streams or objects it concerns."""

    kind: str  # "stream" or "missing-object"
    message: str
    count: int
    # What the message is made of, for saying it in another language: (reason, streams)
    # of damaged streams; the numbers of missing objects as shown.
    reasons: tuple[tuple[str, int], ...] = ()
    objects: str = ""


def check(path: Path) -> list[Damage]:
    """Damaged streams and missing needed objects of the PDF at `path` ([] if sound)."""
    data = path.read_bytes()
    if re.search(rb"/Encrypt(?![A-Za-z])", data):
        return []
    broken, defined, needed = 0, _defined(data), set()
    reasons: dict[str, int] = {}
    spans = _spans(data)  # once: the streams' bodies are verified, then cut out
    for head, start, end in spans:
        dict_bytes = data[head:start]
        ok, why, inflated = _verify(dict_bytes, data[start:end])
        if ok is not None:
            if not ok:
                broken += 1
                reasons[why] = reasons.get(why, 0) + 1
            elif _OBJSTM.search(dict_bytes):
                defined |= _objstm_numbers(dict_bytes, inflated)
                needed |= _needed_refs(inflated)
    needed |= _needed_refs(_without_streams(data, spans))
    out: list[Damage] = []
    if broken:
        why = ", ".join(f"{n} {w}" for w, n in sorted(reasons.items()))
        out.append(
            Damage(
                "stream",
                f"{broken} compressed stream(s) are damaged ({why}): text, fonts or "
                "graphics in them may be missing or wrong",
                broken,
                reasons=tuple(sorted(reasons.items())),
            )
        )
    missing = sorted(n for n in needed - defined if n > 0)
    if missing:
        shown = ", ".join(map(str, missing[:8])) + (" …" if len(missing) > 8 else "")
        out.append(
            Damage(
                "missing-object",
                f"{len(missing)} object(s) that pages or fonts need are missing "
                f"(numbers {shown}): pages may be blank or their text garbled",
                len(missing),
                objects=shown,
            )
        )
    return out


def _spans(data: bytes) -> list[tuple[int, int, int]]:
    """(dictionary start, body start, body end) of every stream, in file order; a
    stream's body is its direct /Length when that fits, else up to `endstream`."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    for m in _STREAM.finditer(data):
        if m.start() < pos:
            continue  # inside the previous stream's body
        head_from = max(0, m.start() - _DICT_BACK)
        obj = data.rfind(b" obj", head_from, m.start())
        head = obj if obj >= 0 else head_from
        start = m.end()
        length = _LENGTH.search(data, head, m.start())
        end = -1
        if length:
            n = int(length.group(1))
            if data[start + n : start + n + 32].lstrip().startswith(b"endstream"):
                end = start + n
        if end < 0:
            found = _ENDSTREAM.search(data, start)
            end = found.start() if found else len(data)
        out.append((head, start, end))
        pos = end
    return out


def _filters(dict_bytes: bytes) -> list[bytes]:
    m = _FILTER.search(dict_bytes)
    return _NAME.findall(m.group(1)) if m else []


def _verify(dict_bytes: bytes, body: bytes) -> tuple[bool | None, str, bytes]:
    """Decode the stream's filters up to Flate: (sound, why not, inflated); sound is None
    when the stream has no Flate step reachable through filters checked here."""
    data = body
    for name in _filters(dict_bytes):
        if name in _FLATE_NAMES:
            ok, why, out = _inflate(data)
            return ok, why, out
        try:
            if name in _ASCII85:
                data = _ascii85(data)
            elif name in _ASCIIHEX:
                data = _asciihex(data)
            else:
                return None, "", b""
        except ValueError:
            return False, "corrupt data", b""
    return None, "", b""


def _ascii85(data: bytes) -> bytes:
    data = data.strip()
    data = data.removeprefix(b"<~")
    end = data.find(b"~>")
    if end < 0:
        raise ValueError("no end of data marker")
    return a85decode(data[:end])


_A85_SPACE = b" \t\n\r\x0b\x0c"


def a85decode(text: bytes) -> bytes:
    """`base64.a85decode(text, ignorechars=_A85_SPACE)`, its groups decoded on arrays
    (the standard library's loop per character was 3% of the corpus's parse): the
    same bytes, and a ValueError for every input it rejects (a character out of range,
    a "z" inside a group, a group over 2**32)."""
    import numpy as np  # here: a command that meets no ASCII85 stream does not load it

    text = text.translate(None, _A85_SPACE)
    if b"z" in text:
        parts = text.split(b"z")
        done = 0
        for part in parts[:-1]:
            done += len(part)
            if done % 5:
                raise ValueError("z inside Ascii85 5-tuple")
        text = b"!!!!!".join(parts)  # a group of zeros, as "z" stands for
    digits = np.frombuffer(text, dtype=np.uint8)
    if digits.size and (digits.min() < ord("!") or digits.max() > ord("u")):
        raise ValueError("Non-Ascii85 digit found")
    # A last partial group is completed with "u" and its output cut to its length.
    short = -len(text) % 5
    padded = np.concatenate([digits, np.full(short, ord("u"), dtype=np.uint8)])
    powers = 85 ** np.arange(4, -1, -1, dtype=np.uint64)
    groups = (padded.astype(np.uint64) - ord("!")).reshape(-1, 5) @ powers
    if groups.size and groups.max() > 0xFFFFFFFF:
        raise ValueError("Ascii85 overflow")
    out = groups.astype(">u4").tobytes()
    return out[: len(out) - short]


def _asciihex(data: bytes) -> bytes:
    end = data.find(b">")
    digits = bytes(c for c in (data[:end] if end >= 0 else data) if not chr(c).isspace())
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))


def _inflate(body: bytes) -> tuple[bool, str, bytes]:
    """(inflates to its end with a good checksum, why not, output up to the cap)."""
    if not body.strip():
        return True, "", b""  # an empty stream: nothing to lose
    d = zlib.decompressobj()
    out = bytearray()
    try:
        chunk = d.decompress(body, _INFLATE_CAP)
        out += chunk
        while d.unconsumed_tail and len(out) < _INFLATE_CAP:
            out += d.decompress(d.unconsumed_tail, _INFLATE_CAP)
    except zlib.error as exc:
        text = str(exc)
        return False, "bad checksum" if "incorrect data check" in text else "corrupt data", b""
    if len(out) >= _INFLATE_CAP:
        return True, "", bytes(out[:0])  # too big to verify here: the parse bounds it
    if not d.eof:
        return False, "cut short", b""
    return True, "", bytes(out)


def _defined(data: bytes) -> set[int]:
    """The numbers of `_OBJECT`'s matches. Each ends at an `obj` keyword and holds only
    digits and spaces before it, so the keywords are found by a literal search and
    `_OBJECT` tried only from where the digits and spaces before each one begin
    (`_OBJECT` run over the whole file, stream bodies included, tried every byte and
    took 2 ms a file)."""
    out: set[int] = set()
    for keyword in _OBJ.finditer(data):
        start = keyword.start()
        while start > 0 and data[start - 1] in _DIGIT_OR_SPACE:
            start -= 1
        m = _OBJECT.search(data, start, keyword.end() + 1)
        if m and m.end() == keyword.end():
            out.add(int(m.group(1)))
    return out


def _objstm_numbers(dict_bytes: bytes, inflated: bytes) -> set[int]:
    """Object numbers held by an object stream (its header: `num offset` pairs)."""
    n, first = _N.search(dict_bytes), _FIRST.search(dict_bytes)
    if not (n and first):
        return set()
    numbers = inflated[: int(first.group(1))].split()
    return {int(x) for x in numbers[0 : 2 * int(n.group(1)) : 2] if x.isdigit()}


def _needed_refs(data: bytes) -> set[int]:
    out: set[int] = set()
    for m in _NEEDED.finditer(data):
        out |= {int(r.group(1)) for r in _REF.finditer(m.group(1))}
    return out


def _without_streams(data: bytes, spans: list[tuple[int, int, int]]) -> bytes:
    """The file with the stream bodies of `spans` (`_spans(data)`) cut out, so that
    binary data cannot look like `5 0 R`."""
    parts, pos = [], 0
    for _, start, end in spans:
        parts.append(data[pos:start])
        pos = end
    parts.append(data[pos:])
    return b"".join(parts)
