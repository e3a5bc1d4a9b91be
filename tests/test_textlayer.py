"""Which pages `--ocr-pages auto` recognises: those with no text layer over an image,
and those whose text layer decodes to garbage; never a good text page, never a blank."""

from __future__ import annotations

import pytest

from extractor.document.build import ocr_wanted
from extractor.pdf.ocr import OcrOptions
from extractor.pdf.pages import Glyph, RawPage
from extractor.pdf.textlayer import needs_ocr, text_layer


def page(text: str, images: int = 0, unmapped: int = 0, number: int = 1) -> RawPage:
    glyphs = [Glyph(ch, i, 0, i + 1, 10) for i, ch in enumerate(text)]
    return RawPage(
        number=number,
        width=595,
        height=842,
        glyphs=glyphs,
        sizes=[10.0] * len(glyphs),
        weights=[400] * len(glyphs),
        path_objects=0,
        image_objects=images,
        unmapped=unmapped,
    )


BODY = "广州市西村街社工服务站（以下简称“社工站”）位于广州市荔湾区西湾路 151 号，总得分：86.75 分 √"


def test_a_chinese_text_page_is_usable_with_or_without_pictures() -> None:
    assert text_layer(page(BODY)).usable
    assert not needs_ocr(page(BODY, images=2))


@pytest.mark.parametrize(
    ("text", "unmapped", "why"),
    [
        ("¹ãÖÝÊÐÎ÷´å½ÖÉç¹¤·þÎñÕ¾£¨ÒÔÏÂ¼ò³Æ¡°Éç¹¤Õ¾¡±£©", 0, "mojibake"),  # GBK read as Latin-1
        ("\ue001\ue002\ue003\ue004" * 10 + BODY[:10], 0, "private-use"),
        (BODY[:20], 40, "no Unicode mapping"),
    ],
    ids=["mojibake", "private-use", "unmapped"],
)
def test_a_garbage_text_layer_is_unusable(text: str, unmapped: int, why: str) -> None:
    p = page(text, unmapped=unmapped)
    assert why in text_layer(p).reason
    assert needs_ocr(p)


def test_a_scan_needs_ocr_and_a_blank_page_does_not() -> None:
    assert needs_ocr(page("", images=1))
    assert needs_ocr(page("12", images=1))  # a stamped page number over a scanned page
    assert not needs_ocr(page(""))


def test_modes_choose_pages() -> None:
    pages = [page(BODY, number=1), page("", images=1, number=2), page("", number=3)]
    assert ocr_wanted(pages, OcrOptions(mode="off")) == []
    assert ocr_wanted(pages, OcrOptions(mode="auto")) == [2]
    assert ocr_wanted(pages, OcrOptions(mode="all")) == [1, 2, 3]
