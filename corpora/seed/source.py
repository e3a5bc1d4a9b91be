"""The seed report (西村街 2024 末期) as layout blocks, read from the data files beside it.

body.txt holds the running text, annex1.yaml the indicator tables, roster.yaml the staff
roster; the same data feed gold.py, so the PDF and its gold cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from corpora.generator.blocks import (
    Annotation,
    Block,
    DocSpec,
    Heading,
    PageBreak,
    Para,
    Spacer,
    Table,
    Title,
)

HERE = Path(__file__).parent
PDF_NAME = "xicun_2024_final.pdf"
GOLD_NAME = "xicun_2024_final.gold.json"

# Word-export look: 三号-sized body, ~26 characters a line, ~23 lines a page.
BODY_SIZE = 16.0
LEADING = 29.0
ANNEX_FONT = 7.0
ROSTER_FONT = 5.5
SUB_MEASURES = ("人员到位", "社保购买", "工资发放")


def load_yaml(name: str) -> Any:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


def body_blocks() -> list[Block]:
    """Parse body.txt's one-line-per-block markup (see the file's header)."""
    blocks: list[Block] = []
    title: list[str] = []
    for line in (HERE / "body.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("# "):
            continue
        if line.startswith("= "):
            title.append(line[2:])
            continue
        if title:
            blocks.append(Title(title))
            title = []
        if line == "%pagebreak":
            blocks.append(PageBreak("portrait"))
        elif line.startswith("#") and line[1].isdigit():
            blocks.append(Heading(line[3:], level=int(line[1])))
        elif line.startswith("! "):
            blocks.append(Para(line[2:], bold=True))
        else:
            blocks.append(Para(line))
    return blocks


def _annex_title(label: str, title: str) -> list[Block]:
    return [
        Para(label, indent=False, bold=True, align="left", size=12),
        Para(title, indent=False, bold=True, align="center", size=13),
    ]


def _wide_table(part: dict[str, Any], annex: dict[str, Any]) -> Table:
    """One 附件1-1 indicator table with its two-level merged header."""
    top: list[str | None] = [annex["area_header"], annex["staff_header"]]
    sub: list[str | None] = [None, None]
    spans = [(0, 0, 1, 0), (0, 1, 1, 1)]
    col = 2
    for group in part["groups"]:
        n = 3 * len(group["measures"])
        top += [group["label"]] + [None] * (n - 1)
        spans.append((0, col, 0, col + n - 1))
        for _measure, target, done, pct in group["measures"]:
            sub += [target, done, pct]
        col += n
    rows: list[list[str | None]] = [top, sub, *[list(r) for r in part["rows"]]]
    widths = [36.0, 32.0] + [34.0] * (col - 2)
    return Table(rows, spans=spans, header_rows=2, col_widths=widths, font_size=ANNEX_FONT)


def _overall_table(ov: dict[str, Any]) -> Table:
    """附件1-1 总体服务: two side-by-side halves of 协议内容/指标要求/完成量/百分比."""
    rows: list[list[str | None]] = [
        [ov["title"], *[None] * 7],
        [*ov["header"], *ov["header"]],
        [ov["summary"], *[None] * 7],
        [ov["group_label"], None, None, None, "", None, None, None],
    ]
    spans = [(0, 0, 0, 7), (2, 0, 2, 7), (3, 0, 3, 3), (3, 4, 3, 7)]
    for i in range(max(len(ov["left"]), len(ov["right"]))):
        left = ov["left"][i][2:] if i < len(ov["left"]) else ["", "", "", ""]
        right = ov["right"][i][2:] if i < len(ov["right"]) else ["", "", "", ""]
        rows.append([*left, *right])
    widths = [190.0, 60.0, 60.0, 66.0] * 2
    return Table(rows, spans=spans, header_rows=2, col_widths=widths, font_size=ANNEX_FONT + 1)


def annex1_blocks() -> list[Block]:
    data = load_yaml("annex1.yaml")
    a11, a12 = data["annex_1_1"], data["annex_1_2"]
    blocks: list[Block] = [PageBreak("landscape"), *_annex_title(a11["label"], a11["title"])]
    for part in a11["parts"]:
        blocks += [_wide_table(part, a11), Spacer(10)]
    blocks.append(_overall_table(a11["overall"]))
    blocks += [PageBreak("landscape"), *_annex_title(a12["label"], a12["title"])]
    for entry in a12["tables"]:
        if entry == "%pagebreak":
            blocks.append(PageBreak("landscape"))
            continue
        _ind, _measure, caption, target, done, pct = entry
        blocks.append(
            Table(
                [list(a12["header"]), [target, done, pct]],
                col_widths=[150.0, 150.0, 150.0],
                font_size=10,
                caption=caption,
            )
        )
        blocks.append(Spacer(8))
    return blocks


def _roster_header(
    months: list[str],
) -> tuple[list[list[str | None]], list[tuple[int, int, int, int]]]:
    top: list[str | None] = ["类型", "序号", "姓名", "职位", "岗位资格证/资质", "合同期限"]
    sub: list[str | None] = [None] * 6
    spans = [(0, c, 1, c) for c in range(6)]
    for m, month in enumerate(months):
        top += [month, None, None]
        sub += list(SUB_MEASURES)
        spans.append((0, 6 + 3 * m, 0, 8 + 3 * m))
    top += ["人员到岗小计", "符合从业2年以上的社工到岗小计", "备注"]
    sub += [None] * 3
    spans += [(0, c, 1, c) for c in (36, 37, 38)]
    return [top, sub], spans


def _person_row(
    row: dict[str, Any], r: int, spans: list[tuple[int, int, int, int]]
) -> list[str | None]:
    """A person's printed row; "<" cells merge into the cell on their left."""
    contract = row["contract"].replace("-", "-\n", 1)
    cells: list[str | None] = []
    start = 0
    for k, cell in enumerate(row["cells"]):
        if cell == "<":
            cells.append(None)
            continue
        cells.append(cell)
        start = k
        width = 1
        while start + width < 30 and row["cells"][start + width] == "<":
            width += 1
        if width > 1:
            spans.append((r, 6 + start, r, 6 + start + width - 1))
    return [
        "",
        str(row["seq"]),
        row["name"],
        row["position"],
        row["qualification"],
        contract,
        *cells,
        row["on_post"],
        row["experienced"],
        row.get("note") or "",
    ]


def _label_row(
    label: str,
    values: list[str],
    tail: list[str],
    r: int,
    spans: list[tuple[int, int, int, int]],
    first: int = 0,
) -> list[str | None]:
    """A summary row: label over the identity columns, then 30 or 10 (×3 merged) values."""
    out: list[str | None] = [None] * first + [label] + [None] * (5 - first)
    spans.append((r, first, r, 5))
    if len(values) == 10:
        for m, v in enumerate(values):
            out += [v, None, None]
            spans.append((r, 6 + 3 * m, r, 8 + 3 * m))
    else:
        out += values
    return out + tail


def roster_blocks() -> list[Block]:
    """附件2 on landscape pages, split where the published roster breaks its page."""
    data = load_yaml("roster.yaml")
    header, header_spans = _roster_header(data["months"])
    widths = [20.0, 14.0, 26.0, 38.0, 58.0, 42.0] + [15.5] * 30 + [24.0, 30.0, 65.0]
    tables: list[tuple[list[list[str | None]], list[tuple[int, int, int, int]]]] = []
    rows: list[list[str | None]] = [*header]
    spans = list(header_spans)

    def flush() -> None:
        nonlocal rows, spans
        tables.append((rows, spans))
        rows, spans = [*header], list(header_spans)

    for group in data["groups"]:
        first_row = len(rows)
        for person in group["rows"]:
            rows.append(_person_row(person, len(rows), spans))
            if group["type_label"] and person is group["rows"][0]:
                rows[-1][0] = group["type_label"]
            if person["seq"] == data["page_break_after_seq"]:
                if group["type_label"]:
                    spans.append((first_row, 0, len(rows) - 1, 0))
                flush()
                first_row = len(rows)
        if group["type_label"] and len(rows) - 1 > first_row:
            spans.append((first_row, 0, len(rows) - 1, 0))
        sub = group["subtotal"]
        rows.append(
            _label_row(
                sub["label"],
                sub["cells"],
                [sub["on_post"], sub["experienced"], ""],
                len(rows),
                spans,
            )
        )
        eff = group["effective"]
        rows.append(_label_row(eff["label"], eff["monthly"], ["", "", ""], len(rows), spans))
    tot = data["total"]
    r0 = len(rows)
    rows.append(
        _label_row(
            tot["label"], tot["cells"], [tot["on_post"], tot["experienced"], ""], r0, spans, 1
        )
    )
    rows.append(
        _label_row(
            tot["effective"]["label"], tot["effective"]["monthly"], ["", "", ""], r0 + 1, spans, 1
        )
    )
    ret = tot["retention"]
    rows.append([None, ret["label"], None, None, None, None, ret["value"], *[None] * 32])
    spans += [(r0 + 2, 1, r0 + 2, 5), (r0 + 2, 6, r0 + 2, 38), (r0, 0, r0 + 2, 0)]
    rows[r0][0] = tot["type_label"]
    flush()

    blocks: list[Block] = []
    for i, (t_rows, t_spans) in enumerate(tables):
        blocks += [
            PageBreak("landscape"),
            Para(data["label"], indent=False, bold=True, align="left", size=12),
        ]
        blocks += [Para(line, indent=False, align="left", size=10) for line in data["lines"]]
        blocks.append(
            Table(t_rows, spans=t_spans, header_rows=2, col_widths=widths, font_size=ROSTER_FONT)
        )
        if i == 0:
            note = data["annotation"]
            blocks.append(Annotation(note["author"], note["contents"]))
    return blocks


def seed_spec() -> DocSpec:
    return DocSpec(
        blocks=[*body_blocks(), *annex1_blocks(), *roster_blocks()],
        font="embedded",
        title="广州市西村街社工服务站末期评估报告",
        author="广州市社会工作协会",
        page_numbers=True,
        body_size=BODY_SIZE,
        leading=LEADING,
    )
