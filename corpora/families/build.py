"""Build every family: facts → Word document (python-docx) → PDF (LibreOffice) → gold.

`build()` writes `<folder>/<report>.pdf` and `<report>.gold.json` for each report of the
chosen families; with `gold_only` it writes no PDF and reads the page count from the
PDF already there, so the gold can be rebuilt (and compared) without LibreOffice.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from corpora.families import convert, verify
from corpora.families.common import Family
from corpora.families.facts import ReportFacts
from corpora.families.gold import build as build_gold
from corpora.families.gold import dump
from corpora.families.writer import Writer
from extractor.records import GoldReport


@dataclass
class Built:
    family: Family
    facts: ReportFacts
    writer: Writer
    pdf: Path
    gold_path: Path


def families() -> list[Family]:
    """Every family, development, validation, then the second, third, fourth, fifth,
    sixth, seventh, eighth, ninth, tenth, eleventh, twelfth, thirteenth, fourteenth,
    fifteenth, sixteenth, seventeenth, eighteenth, nineteenth and twentieth held-back
    splits (imported here: one registry)."""
    from corpora.families import (
        baishi,
        baiyun,
        beitang,
        bishan,
        chengxi,
        cuiping,
        dongcheng,
        fengqiao,
        guihe,
        heping,
        hexi,
        hongshan,
        jiangwan,
        jingpo,
        jingyang,
        jinhe,
        jinxi,
        jinxiu,
        lanshan,
        lantian,
        lingbo,
        liuyin,
        luming,
        luoxi,
        meilin,
        minghu,
        muxi,
        pingtan,
        qiaoxin,
        qilin,
        qingshui,
        qiushan,
        sanglin,
        shitang,
        shuangxi,
        songhe,
        tanhe,
        tanxi,
        taoyuan,
        tianyuan,
        tongle,
        wutong,
        xiling,
        yanxi,
        yunlu,
        yunshan,
        yuquan,
        zhuyuan,
    )

    dev = [lanshan, songhe, qiaoxin, yunlu, minghu, tianyuan, jiangwan, liuyin]
    validation = [baiyun, chengxi]
    heldout = [jinxiu, hexi]
    unseen = [xiling, guihe]
    blind = [jingyang, taoyuan]
    sealed = [fengqiao, meilin]
    reserve = [hongshan, dongcheng]
    vault = [lantian, qingshui]
    closed = [luoxi, pingtan]
    withheld = [beitang, zhuyuan]
    embargoed = [shuangxi, jinhe]
    sequestered = [tongle, baishi]
    locked = [sanglin, tanxi]
    shuttered = [jingpo, yanxi]
    bolted: list[ModuleType] = [wutong, qilin]
    latched: list[ModuleType] = [yuquan, heping]
    barred: list[ModuleType] = [shitang, yunshan]
    fenced: list[ModuleType] = [luming, lingbo]
    moated: list[ModuleType] = [qiushan, tanhe]
    gated: list[ModuleType] = [bishan, muxi]
    walled: list[ModuleType] = [cuiping, jinxi]
    splits = (
        heldout
        + unseen
        + blind
        + sealed
        + reserve
        + vault
        + closed
        + withheld
        + embargoed
        + sequestered
        + locked
        + shuttered
        + bolted
        + latched
        + barred
        + fenced
        + moated
        + gated
        + walled
    )
    return [m.FAMILY for m in dev + validation + splits]


def written(fam: Family) -> list[tuple[ReportFacts, Writer]]:
    out = []
    for spec in fam.specs:
        facts = fam.facts(spec)
        out.append((facts, fam.write(facts)))
    return out


def gold_of(b: Built, pages: int) -> GoldReport:
    return build_gold(b.facts, b.writer, b.pdf.name, pages)


def build(
    names: list[str] | None = None, gold_only: bool = False, check: bool = True
) -> list[Path]:
    chosen = [f for f in families() if not names or f.name in names]
    unknown = set(names or []) - {f.name for f in families()}
    if unknown:
        raise SystemExit(f"unknown families: {sorted(unknown)}")
    done: list[Built] = []
    for fam in chosen:
        fam.folder.mkdir(parents=True, exist_ok=True)
        for facts, writer in written(fam):
            pdf = fam.folder / f"{facts.name}.pdf"
            done.append(Built(fam, facts, writer, pdf, fam.folder / f"{facts.name}.gold.json"))
    if not gold_only:
        with tempfile.TemporaryDirectory(prefix="pinggu-docx-") as tmp:
            # one LibreOffice run per watermark and comment export (the export options
            # hold for the whole run)
            def run_of(b: Built) -> tuple[str, bool]:
                knobs = b.facts.knobs
                return str(knobs.get("watermark", "")), knobs.get("comments_in") == "annotations"

            runs = list(dict.fromkeys(run_of(b) for b in done))
            pdfs: dict[str, Path] = {}
            for k, (mark, notes) in enumerate(runs):
                docs = []
                for b in done:
                    if run_of(b) != (mark, notes):
                        continue
                    path = Path(tmp) / f"{b.facts.name}.docx"
                    b.writer.doc.save(str(path))
                    docs.append(path)
                for out in convert.soffice_pdf(docs, Path(tmp) / f"pdf{k}", mark or None, notes):
                    pdfs[out.stem] = out
            for b in done:
                out = pdfs[b.facts.name]
                convert.scrub(out)  # before pypdf, which re-escapes the date string
                rotate = int(b.facts.knobs.get("rotate", 0))
                if rotate:
                    convert.rotate_landscape(out, rotate)
                    convert.scrub(out)
                b.pdf.write_bytes(out.read_bytes())
                wrong = verify.problems(b.pdf, b.facts.knobs) if check else []
                if wrong:
                    raise SystemExit(f"{b.pdf.name}: layout not as claimed: {wrong}")
    written_paths = []
    for b in done:
        if not b.pdf.exists():
            raise SystemExit(f"{b.pdf} is missing: build without --gold-only first")
        b.gold_path.write_text(dump(gold_of(b, convert.page_count(b.pdf))), encoding="utf-8")
        written_paths += [b.pdf, b.gold_path]
    return written_paths
