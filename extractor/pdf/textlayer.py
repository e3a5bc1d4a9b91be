"""Whether a page's text layer can be read, or the page must be recognised as an image.

A text layer is unusable when it is missing (a scan), or when it decodes to garbage:
characters PDFium found no Unicode for (CID fonts without a ToUnicode map), private-use
code points (symbol fonts mapped to the PUA), or a high share of characters outside the
scripts a Chinese report is set in (mojibake: GBK bytes read as Latin-1 come out as
"ÉçÇø"). One place decides this, so `--ocr auto` and any quality gate agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.knowledge.messages import Said, say
from extractor.pdf.pages import RawPage

MIN_CHARS = 20  # fewer characters over a page-sized image: a scan with a stray stamp text
MAX_UNMAPPED = 0.10  # share of characters with no Unicode
MAX_PRIVATE = 0.10  # share of private-use code points
MAX_FOREIGN = 0.30  # share of characters outside the report's scripts
# Without OCR, a document whose garbled pages (text that cannot be read, `garbled`) are
# at least this share of its pages with text has no usable text layer at all.
MAX_GARBLED_PAGES = 0.5


def _private(o: int) -> bool:
    return 0xE000 <= o <= 0xF8FF or o >= 0xF0000


def _expected(ch: str) -> bool:
    """Characters a Chinese report is set in: CJK ideographs and punctuation, full-width
    forms, ASCII, general punctuation, and the few symbols forms use (√ × ° ① …)."""
    o = ord(ch)
    return (
        0x20 <= o < 0x7F  # ASCII without control characters (a broken font decodes to them)
        or 0x2000 <= o <= 0x206F  # general punctuation: “ ” — …
        or 0x2100 <= o <= 0x27BF  # letterlike, arrows, maths (√ ≥), enclosed ①, boxes, ■ ☆ ✓
        or 0x2E80 <= o <= 0x9FFF  # CJK radicals … unified ideographs
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F  # CJK compatibility forms
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or o in (0xB0, 0xB7, 0xD7, 0xF7)  # ° · × ÷
    )


# `_private` and `_expected` as character classes: a page is counted in C, not per glyph
# (`tests/test_textlayer.py` checks both agree on every code point).
_PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
_FOREIGN = re.compile(
    "[^\x20-\x7e\u2000-\u206f\u2100-\u27bf\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uffef\xb0\xb7\xd7\xf7\ue000-\uf8ff\U000f0000-\U0010ffff]"
)
_SPACE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class TextLayer:
    """What a page's text layer holds and whether it can be read."""

    chars: int
    unmapped: int
    private: int
    foreign: int
    images: int

    @property
    def usable(self) -> bool:
        return not self.reason

    @property
    def said(self) -> Said | None:
        """Why the text layer cannot be read, in both languages; None when it can."""
        total = self.chars + self.unmapped
        if total == 0:
            return say("fragment.no_text_layer")
        if self.chars < MIN_CHARS and self.images:
            return say("fragment.few_chars", chars=self.chars)
        if self.unmapped > MAX_UNMAPPED * total:
            return say("fragment.unmapped_chars", n=self.unmapped, total=total)
        if self.private > MAX_PRIVATE * total:
            return say("fragment.private_chars", n=self.private, total=total)
        if self.foreign > MAX_FOREIGN * total:
            return say("fragment.foreign_chars", n=self.foreign, total=total)
        return None

    @property
    def reason(self) -> str:
        """Why the text layer cannot be read, in English; "" when it can."""
        said = self.said
        return said.en if said else ""


def text_layer(page: RawPage) -> TextLayer:
    text = _SPACE.sub("", "".join([g.char for g in page.glyphs]))
    private = len(_PRIVATE.findall(text))
    foreign = len(_FOREIGN.findall(text))
    return TextLayer(len(text), page.unmapped, private, foreign, page.image_objects)


def needs_ocr(page: RawPage) -> bool:
    """The page has something to read but no usable text: a scan, or garbage text. A
    page with neither text nor images is blank, not a scan."""
    layer = text_layer(page)
    if layer.chars + layer.unmapped == 0:
        return layer.images > 0
    return not layer.usable


def garbled(page: RawPage) -> Said | None:
    """Why the page's text, which it has, cannot be read (None when it can, or when the
    page has next to no text): the reason of `TextLayer`, for pages with `MIN_CHARS` or
    more."""
    layer = text_layer(page)
    if layer.chars + layer.unmapped < MIN_CHARS:
        return None
    return layer.said


def unusable(pages: list[RawPage]) -> bool:
    """Most pages with text have garbage for text: there is no usable text layer."""
    judged = [p for p in pages if text_layer(p).chars + p.unmapped >= MIN_CHARS]
    bad = sum(1 for p in judged if garbled(p))
    return bool(judged) and bad >= MAX_GARBLED_PAGES * len(judged)
