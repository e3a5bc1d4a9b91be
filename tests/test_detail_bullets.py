"""A bulleted list of items with detail lines one level down (Word's multilevel bullet
list: ■ items, ○ lines set in under some of them): the ○ lines are neither items nor
part of the item above; a ○ line not set in, or a list of ○ alone, is a list of items.
Synthetic blocks."""

from __future__ import annotations

from extractor.document.blocks import find_marker
from extractor.document.model import Block
from extractor.document.sections import build_tree
from extractor.passes.assessments import _items
from extractor.pdf.pages import Glyph, Line


def _block(text: str, left: float = 0.0, kind: str = "paragraph") -> Block:
    glyphs = [
        Glyph(c, left + 12.0 * i, 0.0, left + 12.0 * i + 12, 12.0) for i, c in enumerate(text)
    ]
    mk = find_marker(text)
    marker, mtype = mk if mk else (None, None)
    return Block(
        kind=kind,  # type: ignore[arg-type]
        text=text,
        lines=[Line(page=6, glyphs=glyphs, size=12.0)],
        starts=[0],
        marker=marker,
        marker_type=mtype,
    )


def _item_texts(blocks: list[Block]) -> list[str]:
    root = build_tree([_block("主要成效：", kind="label"), *blocks])
    [label] = root.children
    return ["".join(b.body if b.marker else b.text for b in bl) for _, bl in _items(label)]


def test_set_in_circles_detail_the_item_above() -> None:
    assert find_marker("○个案计划均有签名确认。") == ("○", "bullet")
    got = _item_texts(
        [
            _block("■社工团队稳定。"),
            _block("■个案服务流程规范。"),
            _block("○个案计划均有签名确认。", left=21.0),
            _block("○结案评估引入自评。", left=21.0),
            _block("■资源链接能力较强。"),
        ]
    )
    assert got == ["社工团队稳定。", "个案服务流程规范。", "资源链接能力较强。"]


def test_circles_not_set_in_or_alone_are_items() -> None:
    flush = [_block("■社工团队稳定。"), _block("○个案计划均有签名确认。")]
    assert _item_texts(flush) == ["社工团队稳定。", "个案计划均有签名确认。"]
    alone = [_block("○社工团队稳定。"), _block("○个案服务流程规范。", left=21.0)]
    assert _item_texts(alone) == ["社工团队稳定。", "个案服务流程规范。"]
