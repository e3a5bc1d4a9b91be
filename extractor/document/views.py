"""Readable views of a `Document` for `pinggu inspect`: Markdown and JSON."""

from __future__ import annotations

from typing import Any

from extractor.document.model import Block, Document, Section, Table
from extractor.markdown import md_text


def _preview(text: str, n: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def table_markdown(t: Table) -> list[str]:
    grid = t.grid()
    out: list[str] = []
    pages = (
        "–".join(str(p) for p in (t.pages[0], t.pages[-1])) if len(t.pages) > 1 else str(t.pages[0])
    )
    out.append(
        f"**Table** p.{pages} · {t.n_rows}×{t.n_cols} · header rows {t.header_rows} · "
        f"{'ruled' if t.ruled else 'unruled'}"
        + (f" · caption: {md_text(t.caption)}" if t.caption else "")
    )
    out.append("")
    labels = [t.column_label(c) or f"col{c}" for c in range(t.n_cols)]
    out.append("| " + " | ".join(_cell_md(x) for x in labels) + " |")
    out.append("|" + "---|" * t.n_cols)
    for row in grid[t.header_rows :]:
        out.append("| " + " | ".join(_cell_md(c.text) if c else "" for c in row) + " |")
    out.append("")
    return out


def _cell_md(text: str) -> str:
    return md_text(text)


def _section_md(sec: Section, out: list[str]) -> None:
    if sec.level:
        tag = f" `{sec.canonical}`" if sec.canonical else ""
        page = sec.heading.page if sec.heading else "?"
        out.append(f"{'#' * min(6, sec.level + 1)} {md_text(sec.title)}{tag} (p.{page})")
        out.append("")
    for item in sec.items:
        if isinstance(item, Block):
            out.append(f"- p.{item.page} \\[{item.kind}\\] {md_text(_preview(item.text))}")
        else:
            out.append("")
            out.extend(table_markdown(item))
    if sec.items:
        out.append("")
    for child in sec.children:
        _section_md(child, out)


def to_markdown(doc: Document) -> str:
    out = [
        f"# {md_text(doc.path)}",
        "",
        f"{len(doc.pages)} pages · {len(doc.blocks)} blocks · "
        f"{len(doc.tables)} tables · {len(doc.comments)} comments",
        "",
    ]
    _section_md(doc.root, out)
    if doc.comments:
        out.append("## Comments (annotations, not body text)")
        out.append("")
        for c in doc.comments:
            out.append(
                f"- p.{c.page} {md_text(c.subtype)} by {md_text(c.author or '?')}: "
                f"{md_text(_preview(c.contents, 120))}"
            )
    if doc.problems:
        out += ["", "## Problems (what could not be read)", ""]
        out += [f"- {md_text(p.stage)}: {md_text(p.message)}" for p in doc.problems]
    return "\n".join(out) + "\n"


def _section_json(sec: Section) -> dict[str, Any]:
    return {
        "title": sec.title,
        "level": sec.level,
        "canonical": sec.canonical,
        "page": sec.heading.page if sec.heading else None,
        "blocks": [
            {"kind": i.kind, "page": i.page, "text": i.text}
            for i in sec.items
            if isinstance(i, Block)
        ],
        "tables": [doc_table_json(t) for t in sec.tables],
        "children": [_section_json(c) for c in sec.children],
    }


def doc_table_json(t: Table) -> dict[str, Any]:
    return {
        "pages": t.pages,
        "caption": t.caption,
        "rows": t.n_rows,
        "cols": t.n_cols,
        "header_rows": t.header_rows,
        "columns": [list(c) for c in t.columns],
        "ruled": t.ruled,
        "cells": [
            {
                "row": c.row,
                "col": c.col,
                "rowspan": c.rowspan,
                "colspan": c.colspan,
                "text": c.text,
                "page": c.page,
                "bbox": [round(v, 1) for v in c.bbox],
            }
            for c in t.cells
        ],
    }


def to_json(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "pages": len(doc.pages),
        "sections": _section_json(doc.root)["children"],
        "front": [{"kind": b.kind, "page": b.page, "text": b.text} for b in doc.root.blocks],
        "comments": [
            {"page": c.page, "author": c.author, "contents": c.contents, "rect": list(c.rect)}
            for c in doc.comments
        ],
        "problems": [p.model_dump(exclude_none=True) for p in doc.problems],
    }
