"""Blocks and tables in reading order → a section tree with canonical section names.

Levels come from the order in which numbering styles appear (the first style met is
level 1, a new style nests one deeper, a style already open closes what is below it),
so a report that numbers "1." under "一、" and one that numbers "（一）" there both nest
correctly. Unnumbered labels ("值得肯定的地方：") open a leaf section under the current one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from extractor.document.blocks import label_word
from extractor.document.model import Block, Section, Table
from extractor.knowledge import section_vocab

_QUALIFIER = re.compile(r"[（(][^）)]*[）)]")


@lru_cache(maxsize=1)
def _choices() -> tuple[list[str], list[str]]:
    vocab = section_vocab()
    names: list[str] = []
    ids: list[str] = []
    for sid, words in [*vocab.sections.items(), *vocab.labels.items()]:
        for w in words:
            names.append(w)
            ids.append(sid)
    return names, ids


def heading_key(title: str) -> str:
    """Heading text reduced for matching: no qualifier, spaces, trailing colon, 片区 names."""
    t = _QUALIFIER.sub("", title)
    t = re.sub(r"\s+", "", t).rstrip("：:")
    t = re.sub(r"^(片区[一二三四五六七八九十\d]+|[一二三四五六七八九十\d]+片区)", "片区", t)
    return t


def canonical(title: str) -> tuple[str | None, float]:
    """The section id a heading names and the match's score (None below the cutoff)."""
    return _canonical(heading_key(title))


@lru_cache(maxsize=4096)
def _canonical(key: str) -> tuple[str | None, float]:
    """Memoised: reports of one template repeat their headings, and each fuzzy match
    scans every wording of the vocabulary."""
    if not key:
        return None, 0.0
    names, ids = _choices()
    hit = process.extractOne(key, names, scorer=fuzz.ratio)
    if hit is None:
        return None, 0.0
    _, score, idx = hit
    if score < section_vocab().heading.min_score:
        # Long headings that merely contain a known wording ("片区一社工点服务情况").
        # The longest wording contained wins: "第三方评估机构意见" holds both 评估机构
        # (evaluator) and 第三方评估 (third party); the longer names the section.
        parts = process.extract(key, names, scorer=fuzz.partial_ratio, score_cutoff=95, limit=None)
        # A three-character wording counts when it ends the heading (枫林镇政府: 镇政府).
        parts = [
            p
            for p in parts
            if names[p[2]] in key and (len(names[p[2]]) >= 4 or key.endswith(names[p[2]]))
        ]
        if parts:
            best = max(parts, key=lambda p: (len(names[p[2]]), p[1]))
            return ids[best[2]], float(best[1])
        return None, float(score)
    return ids[idx], float(score)


def build_tree(flow: list[Block | Table]) -> Section:
    root = Section(title="", level=0)
    stack: list[Section] = [root]
    style_levels: list[str] = []  # numbering styles of the open headings, outermost first

    def open_section(block: Block, level: int) -> None:
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        if block.marker_type == "appendix":
            title = block.text
        else:
            title = block.body
        title = title.strip().rstrip("：:").strip()
        word = None
        if block.marker_type == "inline_label":
            title, word = label_word(block.marker or "")
        # An appendix is an appendix whatever its title says (附件：…服务指标完成情况表).
        cid = "appendix" if block.marker_type == "appendix" else canonical(title)[0]
        if cid is None and word is not None:
            cid = canonical(word)[0]  # 成效方面: the label word's side
        sec = Section(title=title, level=level, heading=block, canonical=cid, parent=stack[-1])
        stack[-1].children.append(sec)
        stack.append(sec)

    for item in flow:
        if isinstance(item, Block) and item.kind == "heading" and item.marker_type:
            style = item.marker_type
            if style == "appendix":
                style_levels.clear()
                level = 1
                style_levels.append(style)
            elif style in style_levels:
                level = style_levels.index(style) + 1
                del style_levels[level:]
            else:
                # A style not yet open nests under the open ones.
                while style_levels and style_levels[-1] == "label":
                    style_levels.pop()
                style_levels.append(style)
                level = len(style_levels)
            item.level = level
            open_section(item, level)
        elif isinstance(item, Block) and item.kind == "label":
            # A label ends the previous label's items: reopen at the same depth.
            while (
                len(stack) > 1
                and stack[-1].heading is not None
                and stack[-1].heading.kind == "label"
            ):
                stack.pop()
            level = stack[-1].level + 1
            item.level = level
            open_section(item, level)
            if item.marker_type == "inline_label":
                stack[-1].items.append(item)  # its text after the label is an item
        else:
            stack[-1].items.append(item)
    return root
