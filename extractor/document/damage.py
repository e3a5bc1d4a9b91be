"""What the PDF layer found wrong, as problems: pages not read, garbled text, damage.

A page PDFium could not load, a page whose text decodes to garbage, and damage in the
file's bytes (streams that do not inflate, objects that are gone: `pdf.integrity`) each
become a `Problem`, naming the page where one is known, so the record says what it lacks
instead of passing for complete. Without OCR, garbled pages (`pdf.textlayer.garbled`)
are left out, and a text layer that is mostly garbage is no text layer at all
(`UnusableTextLayerError`: exit 6, hint `--ocr`); with OCR they are recognised from
their images (`build.with_ocr`). A file none of whose pages loads is corrupt.
"""

from __future__ import annotations

from pathlib import Path

from extractor.errors import CorruptPdfError, UnusableTextLayerError
from extractor.knowledge.messages import joined, problem, say
from extractor.pdf import integrity
from extractor.pdf.pages import RawPage
from extractor.pdf.textlayer import garbled, unusable
from extractor.records import Problem


def page_problems(path: Path, pages: list[RawPage], *, ocr: bool) -> list[Problem]:
    """The problems of `pages` as read from `path`. Without `ocr`, garbled pages are
    emptied here (their text would only feed the passes garbage)."""
    if pages and all(p.error for p in pages):
        raise CorruptPdfError(path, f"none of its {len(pages)} pages can be loaded")
    damage = integrity.check(path)
    problems = [_damage_problem(d) for d in damage]
    problems += [
        problem("pdf", "problem.page_unreadable", page=p.number, detail=p.error)
        for p in pages
        if p.error
    ]
    if ocr:
        return problems  # garbled pages are recognised from their images
    bad = [(p, why) for p in pages if (why := garbled(p))]
    if not bad:
        return problems
    if unusable(pages):
        detail = f"{len(bad)} of {len(pages)} pages garbled, e.g. page {bad[0][0].number}: "
        detail += bad[0][1].en
        if damage:
            detail += "; the file is damaged: " + "; ".join(d.message for d in damage)
        raise UnusableTextLayerError(path, detail)
    for page, why in bad:
        page.glyphs, page.sizes, page.weights = [], [], []
        problems.append(problem("text", "problem.page_garbled", page=page.number, why=why))
    return problems


# Why a compressed stream does not inflate (`integrity`), as the catalogue says it.
_STREAM_WHY = {
    "bad checksum": "fragment.stream_bad_checksum",
    "corrupt data": "fragment.stream_corrupt",
    "cut short": "fragment.stream_cut_short",
}


def _damage_problem(d: integrity.Damage) -> Problem:
    """The damage `integrity` found, said from the catalogue in both languages."""
    if d.kind == "stream":
        why = joined((say(_STREAM_WHY[w], n=n) for w, n in d.reasons), "，", ", ")
        return problem("pdf", "problem.damaged_streams", count=d.count, why=why)
    return problem("pdf", "problem.missing_objects", count=d.count, objects=d.objects)
