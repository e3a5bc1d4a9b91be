"""Damage the PDF layer finds and the document layer reports: garbage in the text layer
(`pdf.textlayer`), damage in the file's bytes (`pdf.integrity`), pages not read
(`document.damage`), on made-to-measure inputs and on the corpus, which must come out
clean."""

from __future__ import annotations

import base64
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpora.conventions import not_yet_run
from extractor.document.damage import page_problems
from extractor.errors import CorruptPdfError, UnusableTextLayerError
from extractor.knowledge.messages import CJK, LATIN_WORD
from extractor.pdf import integrity
from extractor.pdf.pages import Glyph, RawPage, read_pages
from extractor.pdf.textlayer import garbled, unusable
from extractor.records import Problem

ROOT = Path(__file__).resolve().parent.parent
# The scans have no text layer; a held-back split whose first run is not recorded yet is
# not read by the extractor's PDF layer before that run (corpora.conventions.NOT_YET_RUN).
CORPUS = sorted(
    p
    for p in (ROOT / "corpora").rglob("*.pdf")
    if "scanned" not in p.parts and not not_yet_run(p.relative_to(ROOT / "corpora"))
)


def _page(number: int, text: str, unmapped: int = 0) -> RawPage:
    glyphs = [Glyph(c, 0, 0, 1, 1) for c in text]
    n = len(glyphs)
    return RawPage(number, 595, 842, glyphs, [12.0] * n, [400] * n, 0, 0, unmapped=unmapped)


GOOD = "西村街社工服务站末期评估报告，总分 86.75 分，等级为良好。" * 3
BROKEN_FONT = "\x01\x04\x05ÄÅÇ\x07\x08" * 5 + "2024"  # a font whose map is gone


@pytest.mark.parametrize(
    ("text", "unmapped", "why"),
    [
        (GOOD, 0, ""),
        ("√ ① —— α ⽇ Ａ 7 " * 5, 0, ""),  # symbols, radicals and full-width forms reports use
        (BROKEN_FONT, 0, "outside Chinese text"),
        (GOOD, 20, "no Unicode mapping"),
        ("\ue000\ue001西" * 10, 0, "private-use"),
        ("\x07", 0, ""),  # too little text to judge
    ],
    ids=["report", "symbols", "control-and-latin", "unmapped", "private-use", "tiny"],
)
def test_garbled(text: str, unmapped: int, why: str) -> None:
    reason = garbled(_page(1, text, unmapped))
    if not why:
        assert reason is None
        return
    assert reason is not None and why in reason.en
    assert CJK.search(reason.zh) and not LATIN_WORD.search(reason.zh)  # said in Chinese too


def test_half_the_pages_garbled_is_no_usable_text_layer() -> None:
    assert not unusable([_page(1, GOOD), _page(2, BROKEN_FONT), _page(3, GOOD)])
    assert unusable([_page(1, GOOD), _page(2, BROKEN_FONT), _page(3, BROKEN_FONT)])
    assert not unusable([_page(1, "7"), _page(2, "")])  # nothing to judge


def test_a_garbled_page_is_left_out_and_named(tmp_path: Path) -> None:
    pages = [_page(1, GOOD), _page(2, BROKEN_FONT), _page(3, GOOD)]
    path = _pdf(tmp_path, b"<< /Filter /FlateDecode >>", zlib.compress(CONTENT))
    [problem] = page_problems(path, pages, ocr=False)
    assert (problem.stage, problem.page) == ("text", 2)
    assert "garbled" in problem.message and "OCR" in problem.message
    assert "乱码" in problem.message_zh and not LATIN_WORD.search(problem.message_zh)
    assert pages[1].glyphs == [] and pages[0].glyphs != []


def test_a_mostly_garbled_text_layer_is_an_input_error(tmp_path: Path) -> None:
    pages = [_page(1, BROKEN_FONT), _page(2, BROKEN_FONT), _page(3, GOOD)]
    path = _pdf(tmp_path, b"<< /Filter /FlateDecode >>", zlib.compress(CONTENT))
    with pytest.raises(UnusableTextLayerError) as caught:
        page_problems(path, pages, ocr=False)
    assert caught.value.exit_code == 6 and "--ocr" in caught.value.hint
    assert "2 of 3 pages garbled, e.g. page 1" in str(caught.value)
    assert page_problems(path, pages, ocr=True) == []  # OCR recognises them instead


def test_unread_pages_are_problems_and_none_read_is_corrupt(tmp_path: Path) -> None:
    path = _pdf(tmp_path, b"<< /Filter /FlateDecode >>", zlib.compress(CONTENT))
    lost = RawPage(2, 595, 842, [], [], [], 0, 0, error="PDFium: Failed to load page.")
    [problem] = page_problems(path, [_page(1, GOOD), lost], ocr=False)
    assert problem.page == 2 and "could not be read" in problem.message
    assert problem.detail == "PDFium: Failed to load page."  # beside the message, not in it
    assert "PDFium" not in problem.message + problem.message_zh
    with pytest.raises(CorruptPdfError, match="none of its 1 pages"):
        page_problems(path, [lost], ocr=False)


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_has_neither_garbled_text_nor_damage(path: Path) -> None:
    assert [p.number for p in read_pages(path) if garbled(p)] == []
    assert integrity.check(path) == []


def _pdf(tmp_path: Path, stream_dict: bytes, body: bytes, extra: bytes = b"") -> Path:
    path = tmp_path / "t.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R" + extra + b" >>\nendobj\n"
        b"4 0 obj\n" + stream_dict + b"\nstream\n" + body + b"\nendstream\nendobj\n%%EOF\n"
    )
    return path


CONTENT = b"BT /F1 12 Tf 72 720 Td (total 86.75) Tj ET"


def test_sound_streams_pass_through_their_filter_chains(tmp_path: Path) -> None:
    flate = zlib.compress(CONTENT)
    assert integrity.check(_pdf(tmp_path, b"<< /Filter /FlateDecode >>", flate)) == []
    a85 = base64.a85encode(flate) + b"~>"
    chain = b"<< /Filter [ /ASCII85Decode /FlateDecode ] >>"
    assert integrity.check(_pdf(tmp_path, chain, a85)) == []
    assert integrity.check(_pdf(tmp_path, b"<< /Filter /FlateDecode /Length 0 >>", b"")) == []


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (zlib.compress(CONTENT)[:-9], "cut short"),
        (zlib.compress(CONTENT)[:-1] + b"\x00", "bad checksum"),
        (b"x\x9c" + bytes(range(200, 250)), "corrupt data"),
    ],
    ids=["truncated", "checksum", "garbage"],
)
def test_damaged_flate_streams_are_found(tmp_path: Path, body: bytes, why: str) -> None:
    path = _pdf(tmp_path, b"<< /Filter /FlateDecode >>", body)
    [damage] = integrity.check(path)
    assert damage.kind == "stream" and why in damage.message
    _said_in_both(damage, page_problems(path, [_page(1, GOOD)], ocr=False))


def test_a_missing_font_object_is_found_and_a_dangling_info_link_is_not(tmp_path: Path) -> None:
    fonts = b" /Resources << /Font << /F1 9 0 R >> >> /Annots [ 12 0 R ]"
    path = _pdf(tmp_path, b"<< /Filter /FlateDecode >>", zlib.compress(CONTENT), fonts)
    [damage] = integrity.check(path)
    assert damage.kind == "missing-object" and "numbers 9)" in damage.message
    _said_in_both(damage, page_problems(path, [_page(1, GOOD)], ocr=False))


def _said_in_both(damage: integrity.Damage, problems: list[Problem]) -> None:
    """The record's problem says the damage in English as `integrity` does, and in
    Chinese with no English word (the audit page in Chinese shows it)."""
    [problem] = problems
    assert problem.stage == "pdf" and problem.message == damage.message
    assert CJK.search(problem.message_zh) and not LATIN_WORD.search(problem.message_zh)


def test_encrypted_files_are_not_judged(tmp_path: Path) -> None:
    path = _pdf(tmp_path, b"<< /Filter /FlateDecode >>", b"not deflate at all")
    path.write_bytes(path.read_bytes() + b"trailer << /Encrypt 7 0 R >>\n")
    assert integrity.check(path) == []


def _defined_by_scan(data: bytes) -> set[int]:
    return {int(m.group(1)) for m in integrity._OBJECT.finditer(data)}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"0", b"7", b"12", b" ", b"\n", b".", b"obj", b"endobj", b"x"])))
def test_defined_objects_as_by_a_scan(parts: list[bytes]) -> None:
    """`_defined` (a literal search for `obj`, then `_OBJECT` before each) finds the
    numbers `_OBJECT` run over the whole file finds."""
    data = b"".join(parts)
    assert integrity._defined(data) == _defined_by_scan(data)


@pytest.mark.parametrize("path", CORPUS[::7], ids=lambda p: p.name)
def test_defined_objects_of_corpus_files(path: Path) -> None:
    data = path.read_bytes()
    assert integrity._defined(data) == _defined_by_scan(data)
    assert len(integrity._defined(data)) > 3


def _a85_or_error(decode: Callable[[bytes], bytes], text: bytes) -> bytes | str:
    try:
        return decode(text)
    except ValueError:
        return "rejected"


_A85_TEXT = st.one_of(
    # encodings of data with runs of zero bytes ("z") and line wraps, maybe one byte changed
    st.builds(
        lambda data, wrap, at, byte: _changed(base64.a85encode(data, wrapcol=wrap), at, byte),
        st.lists(st.sampled_from([b"\0\0\0\0", b"\0", b"\xff\xff\xff\xff", b"ab", b"\x01"])).map(
            b"".join
        ),
        st.sampled_from([0, 7, 75]),
        st.integers(0, 200),
        st.sampled_from([None, *b"!uz y{\n", 0x80]),
    ),
    st.binary(max_size=24),
    st.lists(st.sampled_from(list(b"!#8uvzy \n\t~"))).map(bytes),
)


def _changed(text: bytes, at: int, byte: int | None) -> bytes:
    if byte is None or not text:
        return text
    at %= len(text)
    return text[:at] + bytes([byte]) + text[at + 1 :]


@settings(max_examples=1000, deadline=None)
@given(_A85_TEXT)
def test_ascii85_decoded_as_the_standard_library_does(text: bytes) -> None:
    """`integrity.a85decode` gives base64.a85decode's bytes and rejects what it rejects."""

    def standard(t: bytes) -> bytes:
        return base64.a85decode(t, ignorechars=b" \t\n\r\x0b\x0c")

    assert _a85_or_error(integrity.a85decode, text) == _a85_or_error(standard, text)
