"""The page layout a report's variant claims, checked on the PDF (pypdf, pdfplumber).

LibreOffice decides where a long table breaks; a template asks for a break inside a row
group by the space it leaves before the table, and the build fails if the PDF does not
show what the variant says, so a claim like "breaks inside 个案服务" is never stale.

Knobs checked: `landscape` (mediabox / rotate90 / rotate270, '+'-joined), `breaks`
(';'-joined "a|b" pairs: the last page printing row label a is followed by a
page printing row label b) with
`repeat_header` and `header_word` (a header cell's text: on every continuation page,
or on none), and `header_pages` (how many pages print the header of a table whose
header repeats), `watermark` (its text, drawn diagonally, in the text layer of every page),
and `captions_below` (';'-joined "label|caption" pairs: a caption printed under its table —
on some page the caption follows the table's last row, whose first cell is `label`, with
nothing between them but that row's figures), and `toc` (a 目录 page whose entries
`heading……N` each name the page N on which that heading is first printed after the
contents), `frame_words` (';'-joined words printed on page 1 in a floating frame at the
right of the title block: each lies in the right third of the page, in its upper third),
`text_box_words` (';'-joined words printed inside a floating drawn box in the right half
of a page, body text at its left), `picture_caption` (a caption printed right under a
picture), `continued` (a 续表 caption such as 续表1: a page opens with it, the page before
it printing the table's own caption, 表1, and no 续表), and `diagonal_header` with
`diagonal_tables` ("upper|lower": that many 斜线表头 cells — a line drawn from a cell's
top-left corner down to its bottom-right one, the upper label's characters above it at
the right, the lower label's below it at the left), `logo_image` (a square picture in
the running header: one in the top band of every page but the cover, none on the cover)
and `symbol_bullets` ("char|n": the symbol-font glyph drawn n times in all, each at the
start of a line in a font other than the body's), `group_break` ("片区|label": a table
whose 片区 are row groups breaks inside that 片区's group — its name on one page, and the
next page's table opening, under its repeated header, with the group's row `label` in an
empty, continued 片区 cell) and `boxed` (';'-joined words each printed inside a grey-filled
box drawn round body paragraphs — Word's paragraph border and shading — not in a table),
`tabbed_table` ("caption|label": the page printing the caption prints a line opening
with `label` followed by figures, and pdfplumber finds no table on it — a table typed
with tab stops), `outer_pages` (page numbers 第 X 页 at the outer edge: in the right
third of odd pages, the left third of even ones, none on page 1) and `checked_grade`
(the grade ticked ☑ in a line of check boxes, every other grade □), `roman_pages` (how
many front pages are numbered I, II …: the pages after them numbered from 1) and
`column_split` ("caption|continued": a table too wide for the page printed in two parts
on consecutive pages, the second under the continued caption, the 片区 column and 合计
in both, different indicators in their headers), `seal` (a word of the signature: the
last page carries one picture, a seal pressed over that word, and no other page one)
and `red_cells` (how many words — table cells — are drawn in red in the whole PDF),
`header_table` (a word of a running header typed as a ruled table: every page but the
cover carries, in its top band, a ruled table holding that word and 第 X 页 共 Y 页 with
X the page's number; the cover carries none), `struck` (how many runs of text are struck
through by a coloured line — Word's tracked deletions, exported with the changes shown;
the test's text layer leaves those characters out).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pdfplumber
from pypdf import PdfReader

WHITESPACE = re.compile(r"\s+")


def page_kinds(pdf: Path) -> set[str]:
    kinds = set()
    for p in PdfReader(pdf).pages:
        w, h = float(p.mediabox.width), float(p.mediabox.height)
        if p.rotation in (90, 270):
            kinds.add(f"rotate{p.rotation}" if w < h else "rotated-landscape-mediabox")
        elif w > h:
            kinds.add("mediabox")
    return kinds


def page_texts(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        pages = [p.filter(lambda obj: not diagonal(obj)) for p in doc.pages]
        return [WHITESPACE.sub("", p.extract_text() or "") for p in pages]


def diagonal(obj: dict[str, Any]) -> bool:
    """A character drawn turned between 20° and 70° (or the like in another quadrant): a
    diagonal watermark's, never a report's (whose text runs level, or at 90° on a turned
    page)."""
    if obj.get("object_type") != "char" or "matrix" not in obj:
        return False
    a, b = obj["matrix"][0], obj["matrix"][1]
    return bool(abs(a) > 0.3 and abs(b) > 0.3)


def raised(chars: list[dict[str, Any]]) -> set[tuple[float, float]]:
    """(x0, top) of the superscript characters among a page's chars in drawing order: a
    footnote's reference mark, set smaller than the character drawn before it and raised
    above that character's baseline. Not content: a reader leaves them out of the line."""
    out = set()
    for before, c in itertools.pairwise(chars):
        if c.get("size", 0) < 0.8 * before.get("size", 0) and c["bottom"] < before["bottom"] - 1.5:
            out.add((round(c["x0"], 2), round(c["top"], 2)))
    return out


def without_marks(page: Any) -> Any:
    """The page without diagonal watermark characters, footnote reference marks and
    characters struck through by a tracked change (Word's 修订 shown: deleted text)."""
    marks = raised([c for c in page.chars if not diagonal(c)])
    marks |= {(round(c["x0"], 2), round(c["top"], 2)) for c in struck(page)}
    return page.filter(
        lambda obj: (
            not diagonal(obj)
            and (
                obj.get("object_type") != "char"
                or (round(obj["x0"], 2), round(obj["top"], 2)) not in marks
            )
        )
    )


def _coloured(colour: Any) -> bool:
    """Neither black nor a grey: a colour LibreOffice gives a tracked change's author."""
    if not isinstance(colour, (tuple, list)) or len(colour) != 3:
        return False
    return max(colour) - min(colour) > 0.2


def struck(page: Any) -> list[dict[str, Any]]:
    """The characters a coloured horizontal line crosses at mid height from edge to edge:
    text deleted under Word's 修订 and exported with the changes shown."""
    lines = [
        ln
        for ln in page.lines
        if abs(ln["top"] - ln["bottom"]) < 0.5 and _coloured(ln.get("stroking_color"))
    ]
    out = []
    for c in page.chars:
        mid, h = (c["top"] + c["bottom"]) / 2, c["bottom"] - c["top"]
        if any(
            abs(ln["top"] - mid) < h * 0.25
            and ln["x0"] <= c["x0"] + 0.5
            and ln["x1"] >= c["x1"] - 0.5
            for ln in lines
        ):
            out.append(c)
    return out


def struck_words(pdf: Path) -> list[str]:
    """Every run of struck characters in the PDF (one word per deleted figure)."""
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            ids = {id(c) for c in struck(page)}
            run = ""
            for c in page.chars:
                if id(c) in ids:
                    run += c["text"]
                elif run:
                    out.append(run)
                    run = ""
            if run:
                out.append(run)
    return out


TOC_LINE = re.compile(r"^(.+?)\.{4,}\s*(\d+)$")


def contents(pdf: Path) -> list[str]:
    """Entries of a 目录 page whose page number is not the page that first prints the
    heading after the contents."""
    with pdfplumber.open(pdf) as doc:
        pages = [(p.extract_text() or "").splitlines() for p in doc.pages]
    at = next(
        (
            i
            for i, lines in enumerate(pages)
            if any(WHITESPACE.sub("", ln) == "目录" for ln in lines)
        ),
        None,
    )
    if at is None:
        return ["no 目录 page"]
    entries = [m.groups() for ln in pages[at] if (m := TOC_LINE.match(ln.strip()))]
    if not entries:
        return ["目录 page without entries"]
    flat = [WHITESPACE.sub("", "".join(lines)) for lines in pages]
    wrong = []
    for head, page in entries:
        first = next(
            (i + 1 for i in range(at + 1, len(flat)) if WHITESPACE.sub("", head) in flat[i]), None
        )
        if first != int(page):
            wrong.append(f"{head} → {page}, printed on page {first}")
    return wrong


def watermarks(pdf: Path) -> list[str]:
    """Per page, the diagonal characters in the order they are drawn."""
    with pdfplumber.open(pdf) as doc:
        return ["".join(c["text"] for c in p.chars if diagonal(c)) for p in doc.pages]


def slanted(page: Any) -> list[tuple[float, float, float, float]]:
    """Lines drawn from top-left down to bottom-right (x0, top, x1, bottom), neither level
    nor upright: a 斜线表头's line."""
    out = []
    for ln in page.lines:
        (xa, ya), (xb, yb) = ln["pts"][0], ln["pts"][-1]
        if abs(xb - xa) < 10 or abs(yb - ya) < 10:
            continue
        if (xb - xa) * (yb - ya) > 0:  # pdfplumber's y grows downwards: a falling line
            out.append((min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)))
    return out


def _side(c: dict[str, Any], line: tuple[float, float, float, float]) -> float:
    """Where a character's centre lies against a falling line: > 0 below it, < 0 above."""
    x0, top, x1, bottom = line
    cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return cy - (top + (cx - x0) * (bottom - top) / (x1 - x0))


def diagonal_headers(pdf: Path, upper: str, lower: str) -> int:
    """How many 斜线表头 cells print `upper` above their line (at the right) and `lower`
    under it (at the left)."""
    found = 0
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for line in slanted(page):
                x0, top, x1, bottom = line
                inside = [
                    c
                    for c in page.chars
                    if x0 - 2 <= c["x0"]
                    and c["x1"] <= x1 + 2
                    and top - 2 <= c["top"]
                    and c["bottom"] <= bottom + 2
                ]
                text_above = "".join(c["text"] for c in inside if _side(c, line) < 0)
                text_below = "".join(c["text"] for c in inside if _side(c, line) > 0)
                mid = (x0 + x1) / 2
                right = all((c["x0"] + c["x1"]) / 2 > mid for c in inside if _side(c, line) < 0)
                left = all((c["x0"] + c["x1"]) / 2 < mid for c in inside if _side(c, line) > 0)
                if text_above == upper and text_below == lower and right and left:
                    found += 1
    return found


def problems(pdf: Path, variant: dict[str, str | int | bool]) -> list[str]:
    out = []
    diagonal = str(variant.get("diagonal_header", ""))
    if diagonal:
        upper, lower = diagonal.split("|")
        n = diagonal_headers(pdf, upper, lower)
        if n != variant.get("diagonal_tables"):
            out.append(f"{n} 斜线表头 {diagonal!r}, variant says {variant.get('diagonal_tables')}")
    claim = set(filter(None, str(variant.get("landscape", "")).split("+")))
    kinds = page_kinds(pdf)
    if kinds != claim:
        out.append(f"landscape pages {sorted(kinds)}, variant says {sorted(claim)}")
    mark = str(variant.get("watermark", ""))
    if mark:
        bare = [i + 1 for i, t in enumerate(watermarks(pdf)) if mark not in t]
        if bare:
            out.append(f"watermark {mark!r} not in the text layer of pages {bare}")
    captions = [c for c in str(variant.get("captions_below", "")).split(";") if c]
    if captions:
        texts = page_texts(pdf)
        for pair in captions:
            label, caption = (WHITESPACE.sub("", s) for s in pair.split("|"))
            if not any(_below(t, label, caption) for t in texts):
                out.append(f"caption {caption!r} is not printed under a last row {label!r}")
    heading = str(variant.get("two_columns", ""))
    if heading:
        out += [f"two columns: {w}" for w in two_columns(pdf, heading)]
    if variant.get("toc"):
        out += [f"contents: {w}" for w in contents(pdf)]
    words = [w for w in str(variant.get("frame_words", "")).split(";") if w]
    if words:
        out += [f"frame: {w}" for w in framed(pdf, words)]
    floating = [w for w in str(variant.get("text_box_words", "")).split(";") if w]
    if floating:
        out += [f"text box: {w}" for w in text_boxed(pdf, floating)]
    pictured = str(variant.get("picture_caption", ""))
    if pictured:
        out += [f"picture: {w}" for w in picture_above(pdf, pictured)]
    cont = str(variant.get("continued", ""))
    if cont:
        out += [f"continued: {w}" for w in continued(pdf, cont)]
    above = [c for c in str(variant.get("captions_above", "")).split(";") if c]
    if above:
        out += [f"caption above: {w}" for w in captions_above(pdf, above)]
    prefix = str(variant.get("appendix_footer", ""))
    if prefix:
        out += [f"appendix footer: {w}" for w in appendix_footer(pdf, prefix)]
    if variant.get("logo_image"):
        out += [f"logo image: {w}" for w in logo_images(pdf)]
    bullets = str(variant.get("symbol_bullets", ""))
    if bullets:
        out += [f"bullets: {w}" for w in symbol_bullets(pdf, bullets)]
    turned_words = [w for w in str(variant.get("vertical_headers", "")).split(";") if w]
    if turned_words:
        out += [f"vertical header: {w}" for w in turned(pdf, turned_words)]
    row_break = str(variant.get("row_break", ""))
    if row_break:
        out += [f"row break: {w}" for w in row_broken(pdf, row_break)]
    group = str(variant.get("group_break", ""))
    if group:
        out += [f"group break: {w}" for w in group_broken(pdf, group)]
    boxes = [w for w in str(variant.get("boxed", "")).split(";") if w]
    if boxes:
        out += [f"boxed: {w}" for w in boxed(pdf, boxes)]
    tabbed = str(variant.get("tabbed_table", ""))
    if tabbed:
        out += [f"tabbed table: {w}" for w in tabbed_table(pdf, tabbed)]
    if variant.get("outer_pages"):
        out += [f"page numbers: {w}" for w in outer_pages(pdf)]
    front = int(variant.get("roman_pages", 0))
    if front:
        out += [f"roman pages: {w}" for w in roman_pages(pdf, front)]
    split = str(variant.get("column_split", ""))
    if split:
        out += [f"column split: {w}" for w in column_split(pdf, split)]
    ticked = str(variant.get("checked_grade", ""))
    if ticked:
        out += [f"checked grade: {w}" for w in checked_grade(pdf, ticked)]
    seal = str(variant.get("seal", ""))
    if seal:
        out += [f"seal: {w}" for w in sealed(pdf, seal)]
    header = str(variant.get("header_table", ""))
    if header:
        out += [f"header table: {w}" for w in header_tables(pdf, header)]
    if "red_cells" in variant:
        n = red_words(pdf)
        if n != variant["red_cells"]:
            out.append(f"{n} words in red, variant says {variant['red_cells']}")
    breaks = [b for b in str(variant.get("breaks", "")).split(";") if b]
    word = str(variant.get("header_word", ""))
    if not breaks and "header_pages" not in variant:
        return out
    texts = page_texts(pdf)
    if "header_pages" in variant:
        n = sum(word in t for t in texts)
        if n != variant["header_pages"]:
            out.append(f"header {word!r} on {n} pages, variant says {variant['header_pages']}")
    for pair in breaks:
        last, first = pair.split("|")
        on = [i for i, t in enumerate(texts) if first in t]
        before = [i for i, t in enumerate(texts) if last in t]
        if not before or before[-1] + 1 not in on:
            out.append(f"{last!r} / {first!r} are not on consecutive pages ({before}, {on})")
            continue
        page = texts[before[-1] + 1]
        head = page.find(word) if word else -1
        if variant.get("repeat_header") and not 0 <= head < page.find(first):
            out.append(f"header {word!r} not repeated above {first!r}")
        if not variant.get("repeat_header") and word and head >= 0:
            out.append(f"header {word!r} repeated on the page of {first!r}")
    if "struck" in variant:
        words = struck_words(pdf)
        if len(words) != variant["struck"]:
            out.append(f"{len(words)} struck figures {words}, variant says {variant['struck']}")
    return out


def framed(pdf: Path, words: list[str]) -> list[str]:
    """The words not printed in the right third and upper third of page 1."""
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        wrong = []
        for w in words:
            hits = page.search(w)
            if not hits:
                wrong.append(f"{w!r} not on page 1")
            elif not all(
                h["x0"] > page.width * 2 / 3 and h["bottom"] < page.height / 3 for h in hits
            ):
                wrong.append(f"{w!r} not in the right third of page 1's top")
        return wrong


def text_boxed(pdf: Path, words: list[str]) -> list[str]:
    """The words not printed inside a drawn shape (a curve's or rect's box that no table
    of pdfplumber's holds) in the right half of some page, beside body text: a floating
    text box with the paragraph wrapping round it at its left."""
    wrong = []
    with pdfplumber.open(pdf) as doc:
        for w in words:
            found = False
            for page in doc.pages:
                tables = [t.bbox for t in page.find_tables()]
                shapes = [
                    (o["x0"], o["top"], o["x1"], o["bottom"])
                    for o in page.curves + page.rects
                    if o["x0"] > page.width / 2
                    and not any(
                        t[0] <= o["x0"] and o["x1"] <= t[2] and t[1] <= o["top"] <= t[3]
                        for t in tables
                    )
                ]
                for hit in page.search(re.escape(w)):
                    box = next(
                        (
                            b
                            for b in shapes
                            if b[0] <= hit["x0"]
                            and hit["x1"] <= b[2]
                            and b[1] <= hit["top"]
                            and hit["bottom"] <= b[3]
                        ),
                        None,
                    )
                    beside = box is not None and any(
                        c["x1"] < box[0] and box[1] <= c["top"] <= box[3] for c in page.chars
                    )
                    found = found or beside
            if not found:
                wrong.append(f"{w!r} not in a floating box beside body text")
    return wrong


def picture_above(pdf: Path, caption: str) -> list[str]:
    """Whether a page prints `caption` right under a picture (an image whose bottom is
    at most 40 pt above the caption's top, no text between them)."""
    pattern = r"\s*".join(map(re.escape, WHITESPACE.sub("", caption)))
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for hit in page.search(pattern):
                if any(
                    0 <= hit["top"] - im["bottom"] <= 40
                    and not any(im["bottom"] <= c["top"] < hit["top"] - 2 for c in page.chars)
                    for im in page.images
                ):
                    return []
    return [f"{caption!r} is not printed under a picture"]


def continued(pdf: Path, caption: str) -> list[str]:
    """Whether some page opens with `caption` (续表1) right after a page printing the
    table's own caption (表1) and no 续表."""
    own = caption.removeprefix("续")
    texts = page_texts(pdf)
    pages = [i for i, t in enumerate(texts) if t.startswith(caption)]
    if not pages:
        return [f"no page opens with {caption!r}"]
    return [
        f"page {i + 1} opens with {caption!r} but page {i} does not print {own!r} alone"
        for i in pages
        if i == 0 or own not in texts[i - 1] or caption in texts[i - 1]
    ]


ROW_FIGURES = re.compile(r"^[0-9.,%/—-]*$")


def _below(page: str, label: str, caption: str) -> bool:
    """Whether `caption` follows the row labelled `label` with only figures between."""
    at = page.find(caption)
    if at < 0:
        return False
    row = page.rfind(label, 0, at)
    return row >= 0 and bool(ROW_FIGURES.match(page[row + len(label) : at]))


def two_columns(pdf: Path, heading: str) -> list[str]:
    """What is wrong with the claim that the section under `heading` is set in two
    columns (分栏): from the heading to the next 一、-style heading, lines whose words sit
    on both sides of the page's middle with none across it (two columns side by side),
    at least five of them, and a second-column line starting right of the middle."""
    pattern = re.compile(r"^[一二三四五六七八九十]+、")
    side_by_side, right = 0, 0
    inside = False
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            mid = page.width / 2
            lines: dict[int, list[dict[str, Any]]] = {}
            for w in page.extract_words():
                lines.setdefault(round(w["top"]), []).append(w)
            for top in sorted(lines):
                ws = sorted(lines[top], key=lambda w: w["x0"])
                text = "".join(w["text"] for w in ws)
                if pattern.match(text):
                    inside = text.startswith(heading)
                    continue
                if not inside:
                    continue
                across = any(w["x0"] < mid < w["x1"] for w in ws)
                left = any(w["x1"] <= mid for w in ws)
                if not across and left and any(w["x0"] >= mid for w in ws):
                    side_by_side += 1
                if not left and ws[0]["x0"] >= mid:
                    right += 1
    out = []
    if side_by_side < 5:
        out.append(f"{side_by_side} lines side by side under {heading!r}")
    if right + side_by_side == 0:
        out.append(f"nothing right of the middle under {heading!r}")
    return out


def captions_above(pdf: Path, claims: list[str]) -> list[str]:
    """Each claim `caption|top|other,other…`: a page prints `caption`, then `top` (the
    table's first body row label, 总计) after it with none of the `other` row labels
    between them: the caption stands above its table and the 总计 row comes first."""
    texts = page_texts(pdf)
    out = []
    for claim in claims:
        caption, top, others = (WHITESPACE.sub("", s) for s in claim.split("|"))
        ok = False
        for t in texts:
            at = t.find(caption)
            if at < 0:
                continue
            first = t.find(top, at + len(caption))
            between = t[at + len(caption) : first]
            ok = first >= 0 and not any(o and o in between for o in others.split(","))
            break
        if not ok:
            out.append(f"{caption!r} is not printed above a first row {top!r}")
    return out


def appendix_footer(pdf: Path, prefix: str) -> list[str]:
    """The pages whose text ends with `prefix` + a number (附-1) are the last ones, in
    order from 1; every page before them ends otherwise (the report's own numbers)."""
    texts = page_texts(pdf)
    tail = re.compile(re.escape(prefix) + r"(\d+)$")
    nums = [(m.group(1) if (m := tail.search(t)) else None) for t in texts]
    marked = [i for i, n in enumerate(nums) if n is not None]
    if not marked:
        return [f"no page ends with {prefix}N"]
    first = marked[0]
    want = [str(k) for k in range(1, len(texts) - first + 1)]
    if nums[first:] != want:
        return [f"pages from {first + 1} end with {nums[first:]}, want {want}"]
    return []


def logo_images(pdf: Path) -> list[str]:
    """Pages whose running-header picture is missing (or present on the cover): one
    square image in the top eighth of every page but the first."""
    wrong = []
    with pdfplumber.open(pdf) as doc:
        for i, page in enumerate(doc.pages):
            top = [
                im
                for im in page.images
                if im["bottom"] < page.height / 8 and abs(im["width"] - im["height"]) < 1
            ]
            if len(top) != (0 if i == 0 else 1):
                wrong.append(f"page {i + 1}: {len(top)} square pictures in the header band")
    return wrong


def symbol_bullets(pdf: Path, claim: str) -> list[str]:
    """Whether the glyph is drawn as often as claimed, each the first character of its
    line, in a font of its own (the symbol font's substitute, not the body font)."""
    char, n = claim.split("|")
    found, wrong = 0, []
    with pdfplumber.open(pdf) as doc:
        for i, page in enumerate(doc.pages):
            for c in page.chars:
                if c["text"] != char:
                    continue
                found += 1
                before = [
                    o
                    for o in page.chars
                    if abs(o["top"] - c["top"]) < 3 and o["x0"] < c["x0"] - 0.5
                ]
                if before:
                    wrong.append(f"page {i + 1}: a bullet not at the start of its line")
                if any(o["fontname"] == c["fontname"] for o in page.chars if o["text"] != char):
                    wrong.append(f"page {i + 1}: the bullet's font also prints text")
    if found != int(n):
        wrong.append(f"{found} bullets, variant says {n}")
    return sorted(set(wrong))


def turned(pdf: Path, words: list[str]) -> list[str]:
    """Header words set with Word's 文字方向 turned 90° (btLr): each word is printed by
    characters that are not upright (pdfplumber's `upright` False)."""
    rotated = ""
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            rotated += "".join(c["text"] for c in page.chars if not c["upright"]) + "\n"
    return [f"{w!r} not printed turned" for w in words if w not in rotated]


def row_broken(pdf: Path, claim: str) -> list[str]:
    """A table row allowed to break across pages: `first|last` are the starts of the
    row's first and last lines of content (its first and last item); the first is on a
    page, the last on the next one, so the row continues there."""
    first, last = (WHITESPACE.sub("", s) for s in claim.split("|"))
    texts = page_texts(pdf)
    a = [i for i, t in enumerate(texts) if first in t]
    b = [i for i, t in enumerate(texts) if last in t]
    if len(a) != 1 or len(b) != 1 or b[0] != a[0] + 1:
        return [f"{first!r} on pages {a}, {last!r} on pages {b}: not one row over a break"]
    return []


def group_broken(pdf: Path, claim: str) -> list[str]:
    """Whether the table breaks inside the row group of 片区 `area`: the page whose
    last table's last 片区 name is `area` is followed by a page whose first
    table's first body row (under the repeated header) has an empty first cell and
    `label` in the second."""
    area, label = claim.split("|")
    with pdfplumber.open(pdf) as doc:
        tables = [page.extract_tables() for page in doc.pages]
    for i, here in enumerate(tables[:-1]):
        names = [row[0] for row in here[-1] if row[0]] if here else []
        if not names or names[-1] != area:  # the page's last group is the one broken
            continue
        there = tables[i + 1]
        if not there or len(there[0]) < 2:
            return [f"no table on page {i + 2} after {area!r}"]
        first = there[0][1]
        if (first[0] or "") == "" and first[1] == label:
            return []
        return [f"page {i + 2} opens its table with {first[:2]!r}, not {label!r} of {area!r}"]
    return [f"{area!r} not in the first column of a page's last table"]


def boxed(pdf: Path, words: list[str]) -> list[str]:
    """The words not printed inside a grey-filled box of paragraph borders: a filled
    rectangle round the word with rules above, below, left and right of it, outside
    every table of more than one column pdfplumber finds on the page (the box's rules
    and fills read as a one-column table)."""
    wrong = []
    with pdfplumber.open(pdf) as doc:
        for w in words:
            found = False
            for page in doc.pages:
                for h in page.search(w):
                    x, y = (h["x0"] + h["x1"]) / 2, (h["top"] + h["bottom"]) / 2
                    if any(
                        t.bbox[0] <= x <= t.bbox[2]
                        and t.bbox[1] <= y <= t.bbox[3]
                        and len({c[0] for c in t.cells}) > 1  # the box reads as one column
                        for t in page.find_tables()
                    ):
                        continue
                    filled = any(
                        r.get("fill")
                        and r["x0"] < h["x0"]
                        and r["x1"] > h["x1"]
                        and r["top"] < h["top"]
                        and r["bottom"] > h["bottom"]
                        for r in page.rects
                    )
                    lines = page.lines
                    above = any(
                        ln["top"] < h["top"]
                        and ln["x0"] < h["x0"]
                        and ln["x1"] > h["x1"]
                        and abs(ln["top"] - ln["bottom"]) < 1
                        for ln in lines
                    )
                    below = any(
                        ln["top"] > h["bottom"]
                        and ln["x0"] < h["x0"]
                        and ln["x1"] > h["x1"]
                        and abs(ln["top"] - ln["bottom"]) < 1
                        for ln in lines
                    )
                    left = any(ln["x1"] < h["x0"] and ln["top"] < y < ln["bottom"] for ln in lines)
                    right = any(ln["x0"] > h["x1"] and ln["top"] < y < ln["bottom"] for ln in lines)
                    if filled and above and below and left and right:
                        found = True
            if not found:
                wrong.append(f"{w!r} not printed in a filled box outside the tables")
    return wrong


FIGURES = re.compile(r"^[\d.,%]+$")


def tabbed_table(pdf: Path, claim: str) -> list[str]:
    """A table typed with tab stops (`caption|label`): the page printing the caption
    has a text line opening with `label` and then only figures, and no table that
    pdfplumber's finder reads (no cell edges)."""
    caption, label = (WHITESPACE.sub("", s) for s in claim.split("|"))
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            if caption not in WHITESPACE.sub("", page.extract_text() or ""):
                continue
            lines = (page.extract_text() or "").splitlines()
            rows = [
                ln.split()
                for ln in lines
                if ln.split() and ln.split()[0] == label and len(ln.split()) > 3
            ]
            wrong = []
            if not any(all(FIGURES.match(w) for w in row[1:]) for row in rows):
                wrong.append(f"no line {label!r} followed by figures under {caption!r}")
            if page.find_tables():
                wrong.append(f"a ruled table on the page of {caption!r}")
            return wrong
    return [f"{caption!r} not printed"]


PAGE_WORDS = re.compile(r"第\s*(\d+)\s*页")


def outer_pages(pdf: Path) -> list[str]:
    """Page numbers at the outer edge (Word's 奇偶页不同 footers): 第 X 页 in the bottom
    tenth of page X, in its right third when X is odd, its left third when even; page 1
    (the cover) unnumbered."""
    wrong = []
    with pdfplumber.open(pdf) as doc:
        for k, page in enumerate(doc.pages, start=1):
            foot = page.crop((0, page.height * 0.9, page.width, page.height))
            words = foot.extract_words()
            text = " ".join(w["text"] for w in words)
            m = PAGE_WORDS.search(text)
            if k == 1:
                if m:
                    wrong.append("a page number on the cover")
                continue
            if not m or int(m.group(1)) != k:
                wrong.append(f"page {k}: footer {text!r}")
                continue
            x0 = min(w["x0"] for w in words)
            x1 = max(w["x1"] for w in words)
            if k % 2 and x0 < page.width * 2 / 3:
                wrong.append(f"page {k}: number not at the right")
            if not k % 2 and x1 > page.width / 3:
                wrong.append(f"page {k}: number not at the left")
    return wrong


GRADE_NAMES = ("优秀", "良好", "合格", "不合格")


def checked_grade(pdf: Path, grade: str) -> list[str]:
    """The grade ticked in a line of check boxes: ☑ before `grade` once, □ before each
    other grade, no other ☑ in the report."""
    text = "".join(page_texts(pdf))
    wrong = []
    if text.count("☑") != 1 or f"☑{grade}" not in text:
        wrong.append(f"☑ not once and before {grade!r}")
    for other in GRADE_NAMES:
        if other != grade and f"□{other}" not in text:
            wrong.append(f"no □ before {other!r}")
    return wrong


ROMAN = ("I", "II", "III", "IV", "V", "VI")


def roman_pages(pdf: Path, front: int) -> list[str]:
    """Front matter numbered apart (`roman_pages`: how many front pages): the footer of
    page k (its bottom tenth) prints k in upper-case Roman numerals for the first `front`
    pages, and k − front in Arabic figures after them."""
    wrong = []
    with pdfplumber.open(pdf) as doc:
        for k, page in enumerate(doc.pages, start=1):
            foot = page.crop((0, page.height * 0.9, page.width, page.height))
            text = WHITESPACE.sub("", foot.extract_text() or "")
            want = ROMAN[k - 1] if k <= front else str(k - front)
            if text != want:
                wrong.append(f"page {k}: footer {text!r}, not {want!r}")
    return wrong


def column_split(pdf: Path, claim: str) -> list[str]:
    """A table split COLUMN-WISE over two pages (`caption|continued`): the page printing
    the caption (and not the continued one) holds a ruled table, the next page opens with
    the continued caption above another; both tables' first column reads 片区, the same
    片区 rows and 合计 last, and their header rows name different indicators."""
    caption, cont = (WHITESPACE.sub("", s) for s in claim.split("|"))
    with pdfplumber.open(pdf) as doc:
        texts = [WHITESPACE.sub("", p.extract_text() or "") for p in doc.pages]
        first = [i for i, t in enumerate(texts) if caption in t and cont not in t]
        if not first or first[0] + 1 >= len(texts):
            return [f"{caption!r} not printed"]
        i = first[0]
        if not texts[i + 1].startswith(cont):
            return [f"page {i + 2} does not open with {cont!r}"]
        parts = []
        for page in (doc.pages[i], doc.pages[i + 1]):
            tables = page.extract_tables()
            if not tables:
                return [f"no ruled table on page {page.page_number}"]
            parts.append(tables[0])
    labels = [[WHITESPACE.sub("", r[0] or "") for r in t if r[0]] for t in parts]
    wrong = []
    if labels[0] != labels[1]:
        wrong.append(f"片区 columns differ: {labels}")
    if labels[0][:1] != ["片区"] or labels[0][-1:] != ["合计"]:
        wrong.append(f"first column {labels[0]} is not 片区 … 合计")
    heads = [{WHITESPACE.sub("", c) for c in t[0][1:] if c} for t in parts]
    if not heads[0] or not heads[1] or heads[0] & heads[1]:
        wrong.append(f"header rows {heads} do not name different indicators")
    return wrong


def sealed(pdf: Path, word: str) -> list[str]:
    """Whether the last page's only picture lies over `word` (a seal pressed over the
    evaluator's name) and no other page carries a picture."""
    wrong = []
    with pdfplumber.open(pdf) as doc:
        last = len(doc.pages) - 1
        for i, page in enumerate(doc.pages):
            if i != last:
                if page.images:
                    wrong.append(f"page {i + 1}: {len(page.images)} pictures")
                continue
            if len(page.images) != 1:
                wrong.append(f"last page: {len(page.images)} pictures")
                continue
            im = page.images[0]
            hits = page.search(word)
            if not any(
                h["x0"] < im["x1"]
                and im["x0"] < h["x1"]
                and h["top"] < im["bottom"]
                and im["top"] < h["bottom"]
                for h in hits
            ):
                wrong.append(f"the picture does not lie over {word!r}")
    return wrong


def _red(colour: Any) -> bool:
    return (
        isinstance(colour, (tuple, list))
        and len(colour) == 3
        and colour[0] > 0.8
        and colour[1] < 0.3
        and colour[2] < 0.3
    )


def red_words(pdf: Path) -> int:
    """How many words are drawn in red (every character of the word red)."""
    n = 0
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for w in page.extract_words(extra_attrs=["non_stroking_color"]):
                n += _red(w["non_stroking_color"])
    return n


HEADER_BAND = 80.0  # points from the top edge: a header's room above the top margin


def header_tables(pdf: Path, word: str) -> list[str]:
    """Pages whose top band does not hold a ruled table with `word` and the page's own
    第 X 页 共 Y 页, or the cover when its top band holds one."""
    out = []
    with pdfplumber.open(pdf) as doc:
        n = len(doc.pages)
        for i, page in enumerate(doc.pages):
            band = page.crop((0, 0, page.width, HEADER_BAND))
            texts = [
                WHITESPACE.sub("", "".join(c or "" for row in t.extract() for c in row))
                for t in band.find_tables()
            ]
            held = any(word in t and f"第{i + 1}页共{n}页" in t for t in texts)
            if i == 0 and texts:
                out.append("the cover carries a table in its top band")
            elif i > 0 and not held:
                out.append(f"page {i + 1}: no header table with {word!r} and its page number")
    return out
