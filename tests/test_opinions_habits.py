"""Three habits of the party opinions, on small synthetic inputs: opinions set in two
columns (Word 分栏) read column by column, while a one-column page with gaps in its lines
(a label and its value set apart by a tab, a right-tab running header, a small table of
short cells) is never split; items opened by ordinal words (首先，/其次，/最后，) instead of
numbers; and grade bands whose grades carry a letter in brackets (优秀（A） │ 90分及以上),
read from a small table that may be taken whole for its header."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.document.blocks import Margins
from extractor.document.build import build_document
from extractor.document.columns import column_regions
from extractor.document.model import Block, Table, TableCell
from extractor.knowledge.profiles import profile
from extractor.numbers import normalise
from extractor.passes.assessments import _opened_items, opener
from extractor.passes.scoring import _bands
from extractor.pdf.pages import Glyph, Line

SIZE = 12.0
LEFT = 72.0
CHARS = 30  # a full body line
COL = 14  # a full column line: 14 characters, a gutter of 2, 14 more


def _pdf(path: Path, pages: list[list[tuple[float, float, str]]]) -> Path:
    """Pages of text drawn at (x, top) in 宋体 (a CID font, not embedded), 12 pt."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(595.0, 842.0))
    for page in pages:
        c.setFont("STSong-Light", SIZE)
        for x, top, text in page:
            c.drawString(x, 842.0 - top - SIZE * 0.88, text)
        c.showPage()
    c.save()
    return path


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def _column(paragraphs: list[tuple[str, bool]]) -> list[tuple[float, str]]:
    """A column's lines: (indent in ems, text), each paragraph wrapped at COL characters
    (a label, flagged True, is indented two ems and stands alone)."""
    out: list[tuple[float, str]] = []
    for text, label in paragraphs:
        if label:
            out.append((2, text))
        else:
            out += [(0, line) for line in _wrap(text, COL)]
    return out


LEFT_COL = [
    ("1.购买方意见", False),
    ("值得肯定的方面：", True),
    ("（1）社工站与社区两委沟通顺畅，服务需求能够及时得到回应。", False),
    ("（2）社工站对独居老人建立了紧急联系人制度，节假日前均开展安全走访。", False),
    ("需要关注的问题：", True),
    ("（1）居民骨干培育力度不足，社区自组织的活跃度还不够高，", False),
]
RIGHT_COL = [
    ("骨干队伍有待稳定。", False),
    ("2.督导方意见", False),
    ("值得肯定的方面：", True),
    ("（1）项目团队分工明确，每个片区均有专职社工负责跟进。", False),
    ("（2）社工站建立了困难群众分级探访制度，探访记录完整。", False),
    ("需要关注的问题：", True),
    ("（1）服务成效的总结提炼不足，尚未形成可推广的服务品牌。", False),
]
BODY = "社工站按辖区划分为四个片区开展服务，各片区均配备专职社工，服务台账按月更新。"


def _two_column_page() -> list[tuple[float, float, str]]:
    items: list[tuple[float, float, str]] = [(LEFT, 60.0, "四、各方评估意见")]
    top = 84.0
    for line in _wrap(BODY, CHARS):
        items.append((LEFT + (2 * SIZE if top == 84.0 else 0), top, line))
        top += 20
    right_x = LEFT + (COL + 2) * SIZE
    cols = (_column(LEFT_COL), _column(RIGHT_COL))
    for x, lines in ((LEFT, cols[0]), (right_x, cols[1])):
        for k, (indent, text) in enumerate(lines):
            items.append((x + indent * SIZE, top + 20 * k, text))
    top += 20 * max(len(c) for c in cols) + 10
    items.append((LEFT, top, "五、评估结果"))
    items.append((LEFT + 2 * SIZE, top + 24, "综合得分：88.90分，评估等级：良好（B）。"))
    return items


def test_two_columns_are_read_left_column_first(tmp_path: Path) -> None:
    doc = build_document(_pdf(tmp_path / "two.pdf", [_two_column_page()]))
    texts = [b.text for b in doc.blocks]
    assert texts == [
        "四、各方评估意见",
        BODY,  # the single column above the region stays whole
        "1.购买方意见",
        "值得肯定的方面：",
        "（1）社工站与社区两委沟通顺畅，服务需求能够及时得到回应。",
        "（2）社工站对独居老人建立了紧急联系人制度，节假日前均开展安全走访。",
        "需要关注的问题：",
        # an item running from the foot of the left column to the top of the right one
        "（1）居民骨干培育力度不足，社区自组织的活跃度还不够高，骨干队伍有待稳定。",
        "2.督导方意见",
        "值得肯定的方面：",
        "（1）项目团队分工明确，每个片区均有专职社工负责跟进。",
        "（2）社工站建立了困难群众分级探访制度，探访记录完整。",
        "需要关注的问题：",
        "（1）服务成效的总结提炼不足，尚未形成可推广的服务品牌。",
        "五、评估结果",  # and the single column below it
        "综合得分：88.90分，评估等级：良好（B）。",
    ]
    # each piece keeps its own glyphs' boxes: provenance on the page, in its column
    item = next(b for b in doc.blocks if b.text.startswith("（1）居民骨干"))
    assert [round(ln.x0) for ln in item.lines] == [72, 72, 264]


def _one_column_page() -> list[tuple[float, float, str]]:
    """A page of the same size with gaps in its lines: a right-tab header, label and
    value set apart by a tab, a small table of short cells, and body text."""
    items: list[tuple[float, float, str]] = [
        (LEFT, 30.0, "澄州市双溪社会工作评估事务所"),
        (LEFT + 20 * SIZE, 30.0, "报告编号：SXPG-01"),
    ]
    top = 70.0
    for label, value in [
        ("委托单位：", "澄南区民政局"),
        ("评估机构：", "澄州市双溪社会工作评估事务所"),
        ("报告日期：", "2026/01/24"),
        ("服务期间：", "2025/01/01—2025/12/31"),
        ("承接机构：", "澄州市仁和社会工作服务中心"),
        ("项目地址：", "澄州市澄南区溪口路122号"),
        ("联系电话：", "0571-12345678"),
    ]:
        items += [(LEFT, top, label), (LEFT + (COL + 2) * SIZE, top, value)]
        top += 20
    for grade, band in [
        ("等级", "分数段"),
        ("优秀（A）", "90分及以上"),
        ("良好（B）", "80分（含）至90分"),
        ("合格（C）", "60分（含）至80分"),
        ("不合格（D）", "60分以下"),
    ]:
        items += [(LEFT + 4 * SIZE, top, grade), (LEFT + (COL + 4) * SIZE, top, band)]
        top += 20
    for line in _wrap(BODY * 3, CHARS):
        items.append((LEFT, top, line))
        top += 20
    return items


def test_a_one_column_page_with_gaps_in_its_lines_is_not_split(tmp_path: Path) -> None:
    doc = build_document(_pdf(tmp_path / "one.pdf", [_one_column_page()] * 3))
    text = "".join(b.text for b in doc.blocks if b.page == 2)
    # each line whole, in its place: the value beside its label, the band beside its
    # grade (the running header is page furniture, set aside on every page)
    for pair in (
        "委托单位：澄南区民政局",
        "评估机构：澄州市双溪社会工作评估事务所",
        "优秀（A）90分及以上",
    ):
        assert pair in text
    assert text.endswith("不合格（D）60分以下" + BODY * 3)
    assert all(ln.frame is None for b in doc.blocks for ln in b.lines)


def _line(x: float, top: float, text: str) -> Line:
    glyphs = [
        Glyph(c, x + SIZE * i, top, x + SIZE * (i + 1), top + SIZE) for i, c in enumerate(text)
    ]
    return Line(1, glyphs, size=SIZE)


def test_a_few_side_by_side_lines_are_no_columns() -> None:
    m = Margins(LEFT, LEFT + CHARS * SIZE, SIZE, 20)
    right = LEFT + (COL + 2) * SIZE
    lines = [_line(LEFT, 100 + 20 * k, "二" * COL) for k in range(12)]
    # five lines side by side (fewer than a column layout's many) …
    for k in range(5):
        lines[k].glyphs += _line(right, 100 + 20 * k, "三" * COL).glyphs
    assert column_regions(lines, m, [])[1] == []
    # … and a region never spans a table
    for k in range(5, 12):
        lines[k].glyphs += _line(right, 100 + 20 * k, "三" * COL).glyphs
    assert len(column_regions(lines, m, [])[1]) == 1
    assert column_regions(lines, m, [(150.0, 170.0)])[1] == []


def _block(text: str) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    return Block(kind="paragraph", text=text, lines=[Line(page=2, glyphs=glyphs)], starts=[0])


def test_items_opened_by_ordinal_words() -> None:
    flow = [
        _block("首先，社区活动注重发动居民骨干。"),
        _block("其次，台账按月装订归档，"),
        _block("与统计报表能够相互印证。"),  # no word: it continues the item above
        _block("最后，志愿者队伍管理规范。"),
    ]
    groups = _opened_items(flow)
    assert [(o, [b.text for b in bl]) for o, bl in groups] == [
        (1, ["首先，社区活动注重发动居民骨干。"]),
        (2, ["其次，台账按月装订归档，", "与统计报表能够相互印证。"]),
        (3, ["最后，志愿者队伍管理规范。"]),
    ]
    assert opener("首先，社区活动注重发动居民骨干。") == "首先，"
    assert opener("首先要加强督导。") is None  # a word of the sentence, no opener


@pytest.mark.parametrize(
    "texts",
    [
        ["首先，社区活动注重发动居民骨干。"],  # one alone is no run
        ["社工站服务台账规范。", "其次，志愿者队伍稳定。", "最后，资源链接充分。"],  # no first
        ["首先，台账规范。", "最后，队伍稳定。", "其次，资源链接充分。"],  # 最后 not last
    ],
)
def test_ordinal_words_out_of_a_run_open_no_items(texts: list[str]) -> None:
    assert _opened_items([_block(t) for t in texts]) == []


@pytest.mark.parametrize(
    ("text", "kind", "grade", "lower", "upper"),
    [
        ("优秀（A）90分及以上", "at_least", "优秀", "90", None),
        ("良好（B）80分（含）至90分", "between", "良好", "80", "90"),
        ("合格（C）：60分（含）至80分", "between", "合格", "60", "80"),
        ("不合格（D）60分以下", "below", "不合格", None, "60"),
    ],
)
def test_a_letter_in_brackets_after_a_grade_opens_its_band(
    text: str, kind: str, grade: str, lower: str | None, upper: str | None
) -> None:
    m = profile().pattern(f"band_{kind}_g").search(normalise(text))
    assert m is not None and m.group("grade") == grade
    assert (m.groupdict().get("lower"), m.groupdict().get("upper")) == (lower, upper)


def test_lettered_bands_read_from_a_table_taken_whole_for_its_header() -> None:
    rows = [
        ("等级", "分数段"),
        ("优秀（A）", "90分及以上"),
        ("良好（B）", "80分（含）至90分"),
        ("合格（C）", "60分（含）至80分"),
        ("不合格（D）", "60分以下"),
    ]
    cells = [
        TableCell(r, c, text, 1, (c * 80.0, r * 20.0, c * 80.0 + 80, r * 20.0 + 20))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    # the reader took the first four rows for the header: the bands are read all the same
    t = Table(cells, len(rows), 2, 4, [], True, pages=[1])
    got = [(b.grade, b.lower, b.upper) for b in _bands([], profile(), [t])]
    assert got == [
        ("优秀", 90.0, None),
        ("良好", 80.0, 90.0),
        ("合格", 60.0, 80.0),
        ("不合格", None, 60.0),
    ]
