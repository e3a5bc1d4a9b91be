"""Which pages `--ocr-pages auto` recognises (those with no text layer over an image,
and those whose text layer decodes to garbage; never a good text page, never a blank),
and the repairs of tables read by OCR."""

from __future__ import annotations

import pytest

from extractor.document.build import ocr_wanted
from extractor.document.model import Table, TableCell
from extractor.document.ocr_tables import repair_slashes, repair_ticks, snap_labels
from extractor.knowledge.vocab import table_words
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


def _ocr_table(label: str, doubtful: list[int]) -> Table:
    cells = [
        TableCell(0, 0, "服务片区", 1, (0, 0, 10, 10), confidence=0.99, doubtful=[]),
        TableCell(0, 1, "协议量", 1, (10, 0, 20, 10), confidence=0.99, doubtful=[]),
        TableCell(0, 2, "完成量", 1, (20, 0, 30, 10), confidence=0.99, doubtful=[]),
        TableCell(0, 3, "百分比", 1, (30, 0, 40, 10), confidence=0.99, doubtful=[]),
        TableCell(1, 0, "一片区", 1, (0, 10, 10, 20), confidence=0.99, doubtful=[]),
        TableCell(1, 1, "1", 1, (10, 10, 20, 20), confidence=0.8, doubtful=[0]),
        TableCell(1, 2, "1", 1, (20, 10, 30, 20), confidence=0.8, doubtful=[0]),
        TableCell(1, 3, "l", 1, (30, 10, 40, 20), confidence=0.7, doubtful=[0]),
        TableCell(2, 0, label, 1, (0, 20, 10, 30), confidence=0.6, doubtful=doubtful),
        TableCell(2, 1, "1", 1, (10, 20, 20, 30), confidence=0.99, doubtful=[]),
        TableCell(2, 2, "2", 1, (20, 20, 30, 30), confidence=0.99, doubtful=[]),
        TableCell(2, 3, "200.00%", 1, (30, 20, 40, 30), confidence=0.99, doubtful=[]),
    ]
    cols = [("服务片区",), ("协议量",), ("完成量",), ("百分比",)]
    return Table(cells, 3, 4, 1, cols, ruled=True)


def test_ocr_table_repairs_slashes_and_snaps_labels() -> None:
    """A `/` group read as 1 1 l becomes / / /; a real 1 beside a percentage stays; 合记
    with its doubtful 记 becomes 合计, and 二片区 (a name, not a word) is never snapped."""
    t = _ocr_table("合记", doubtful=[1])
    assert snap_labels(t, table_words()) == 1
    assert repair_slashes(t) == 3
    grid = [[c.text if c else None for c in r] for r in t.grid()]
    assert grid[1] == ["一片区", "/", "/", "/"]
    assert grid[2] == ["合计", "1", "2", "200.00%"]
    sure = _ocr_table("合记", doubtful=[])
    assert snap_labels(sure, table_words()) == 0  # a sure 记: maybe another word
    assert snap_labels(_ocr_table("二片区", doubtful=[0]), table_words()) == 0


def _roster_marks(marks: list[str], ocr: bool = True) -> Table:
    conf = 0.95 if ocr else None
    cells = [TableCell(0, k, f"{k + 1}月", 1, (k * 10, 0, k * 10 + 10, 10)) for k in range(3)]
    cells += [
        TableCell(1, k, m, 1, (k * 10, 10, k * 10 + 10, 20), confidence=conf, doubtful=[])
        for k, m in enumerate(marks)
    ]
    return Table(cells, 2, 3, 1, [("1月",), ("2月",), ("3月",)], ruled=True)


def test_ocr_table_reads_lone_v_as_a_tick_where_the_table_has_ticks() -> None:
    """V and ✓ alone are the recogniser's √ in a roster holding √; doubtful, so a check
    failing on them is a warning. Without a √ in the table, or from a text layer, a V
    stays a V."""
    t = _roster_marks(["V", "√", "✓"])
    assert repair_ticks(t) == 2
    assert [c.text for c in t.cells[3:]] == ["√", "√", "√"]
    assert t.cells[3].doubtful == [0] and t.cells[3].confidence == 0.5
    assert t.cells[4].doubtful == []  # read as √: untouched
    assert repair_ticks(_roster_marks(["V", "V", "——"])) == 0
    assert repair_ticks(_roster_marks(["V", "√", "√"], ocr=False)) == 0


def test_ocr_marks_no_roster_prints_are_unknown() -> None:
    """On an OCR report a mark a roster never holds (a letter, an arrow, a number over 1)
    is a misreading: unknown, as an empty cell, so no total is flagged over it. From a
    text layer the same marks count as before (text as 0, the number as printed)."""
    from fractions import Fraction

    from extractor.checks.roster import mark_value

    for misread in ("V", "↓", "4"):
        assert mark_value(misread, ocr=True) is None
    assert mark_value("V") == 0 and mark_value("4") == 4
    assert mark_value("√", ocr=True) == 1
    assert mark_value("0.5", ocr=True) == Fraction(1, 2)
    for not_counted in ("——", "一一", "离职"):
        assert mark_value(not_counted, ocr=True) == 0


def test_the_character_classes_agree_with_the_rules_on_every_code_point() -> None:
    """`text_layer` counts with regexes; `_private`/`_expected` say what they mean."""
    from extractor.pdf import textlayer as tl

    for o in range(0x110000):
        if 0xD800 <= o <= 0xDFFF:
            continue  # surrogates: never a character of decoded text
        ch = chr(o)
        assert bool(tl._PRIVATE.match(ch)) == tl._private(o), hex(o)
        foreign = not tl._expected(ch) and not tl._private(o)
        assert bool(tl._FOREIGN.match(ch)) == foreign, hex(o)
        assert bool(tl._SPACE.match(ch)) == ch.isspace(), hex(o)
