"""The checker's message catalogue (models/messages/checks.yaml): every id the rules use
is there and every entry is used; a Chinese audit page holds no English sentence, and an
English one no Chinese except what it quotes from the report."""

from __future__ import annotations

import ast
import html
import io
import re
from fractions import Fraction
from pathlib import Path
from typing import get_args

import pytest
from rich.console import Console

from extractor.audit.crops import FindingImages
from extractor.audit.html import _ordered, render_index, render_page
from extractor.audit.labels import LABELS, OVERVIEW_LABELS
from extractor.checks import check_report
from extractor.checks.registry import RULES
from extractor.checks.scoring import in_band
from extractor.document.build import build_document
from extractor.errors import InputError, InternalError, PingguError
from extractor.exports import findings_table
from extractor.exports.results import _MD_COLUMNS, Item, check_bytes, items
from extractor.knowledge import column_dictionary, models_dir, profile
from extractor.knowledge.messages import CATALOGUES, CJK, Said, check_messages, error_key, say
from extractor.knowledge.messages import catalogue as messages_of
from extractor.knowledge.nlp import load_indicators
from extractor.passes import run
from extractor.passes.tables import consistency
from extractor.passes.tables.read import ROLES
from extractor.pipeline import FileOutcome, PipelineOptions, build_report, load_document
from extractor.records import Party, Polarity, Report, Scope, Severity, Status
from tests.conftest import CorpusReports

ROOT = Path(__file__).resolve().parents[1]
CODE = ROOT / "extractor"
ID = re.compile(r"^(?:rule|family|party|group|measure|part|column|staffing|scope|bands|"
                r"fragment|formula|calc|explain|cause|tolerance|skip|problem|field|misread|output|"
                r"error)\.[a-z_.]+$")  # fmt: skip
# Ids built at run time from a value: the value sets they range over are checked below.
BUILT = ("rule.", "family.", "party.", "group.", "measure.", "part.", "column.", "staffing.",
         "formula.", "bands.", "field.", "scope.", "severity.", "status.", "polarity.",
         "error.")  # fmt: skip


def _literal_ids() -> set[str]:
    """String constants of the code that look like message ids (rule ids left out)."""
    rules = {r.id for r in RULES}
    found: set[str] = set()
    for path in CODE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if ID.match(node.value) and node.value not in rules:
                    found.add(node.value)
    return found


def test_every_literal_id_is_in_the_catalogue_and_every_entry_is_used() -> None:
    catalogue = {k for name in CATALOGUES for k in messages_of(name).messages}
    assert sum(len(messages_of(name).messages) for name in CATALOGUES) == len(catalogue)
    used = _literal_ids()
    assert sorted(used - catalogue) == []
    unused = {k for k in catalogue - used if not k.startswith(BUILT)}
    assert sorted(unused) == []


def test_every_value_an_id_is_built_from_has_its_entry() -> None:
    catalogue = check_messages().messages
    measures = load_indicators(models_dir() / "vocab" / "indicators.yaml").measures
    wanted = (
        {f"rule.{r.id}" for r in RULES}
        | {f"family.{r.family}" for r in RULES}
        | {f"party.{p}" for p in get_args(Party)}
        | {f"group.{g}" for g in ("certified", "uncertified", "all")}
        | {f"measure.{m}" for m in measures}
        | {f"bands.{s}" for s in ("report", "profile", "unknown")}
        | {f"severity.{s}" for s in get_args(Severity)}
        | {f"polarity.{p}" for p in get_args(Polarity)}
        | {f"scope.{s}" for s in get_args(Scope)}
        | {f"status.{s}" for s in (*get_args(Status), "error", "stored", "failed", "pending")}
    )
    assert sorted(wanted - set(catalogue)) == []
    built = {k for k in catalogue if k.startswith(("rule.", "family.", "party.", "measure."))}
    assert sorted(built - wanted) == []  # no entry for a rule or measure that is gone


def _subclasses(cls: type) -> list[type]:
    return [cls, *(c for sub in cls.__subclasses__() for c in _subclasses(sub))]


def test_every_error_and_every_code_of_the_markdown_table_has_its_entry() -> None:
    """Each error class its own sentence (not a parent's), each column `check --format
    md` shows its Chinese heading, each status and severity its word, each role its name."""
    errors = [e for e in [*_subclasses(PingguError), InternalError] if e is not InputError]
    keys = {e.__name__: error_key(e.__new__(e)) for e in errors}
    assert len(set(keys.values())) == len(keys), keys
    assert "error.pinggu" not in {k for n, k in keys.items() if n != "PingguError"}
    zh_headers = column_dictionary().zh
    assert sorted(c for c in _MD_COLUMNS if c not in zh_headers) == []
    wanted = (
        {f"status.{s}" for s in (*get_args(Status), "error")}
        | {f"severity.{s}" for s in get_args(Severity)}
        | {f"part.{r}" for r in ROLES}
    )
    every = {k for name in CATALOGUES for k in messages_of(name).messages}
    assert sorted(wanted - every) == []


@pytest.mark.parametrize("labels", [LABELS, OVERVIEW_LABELS], ids=["audit", "overview"])
def test_page_labels_are_in_their_language(labels: dict[str, dict[str, str]]) -> None:
    assert [v for v in labels["en"].values() if CJK.search(v)] == []
    latin = re.compile(r"[A-Za-z]{2,}")
    own = [re.sub(r"\{\w+\}|SHA-256|PDF|Pinggu", "", v) for v in labels["zh"].values()]
    assert english_words("OCR 识别存疑") == []
    assert [v for v in own if latin.search(v)] == []


def _visible(page: str, quotes: bool = False) -> str:
    """What a reader sees of Pinggu's own words: identifiers and technical detail set in
    <code> (rule ids, refs, an exception's text) left out, and unless `quotes`, the
    report's words it quotes, set in <span class="... src"> (`audit.quotes`)."""
    page = re.sub(
        r"<style>.*?</style>|<code[^>]*>.*?</code>|<title>.*?</title>", "", page, flags=re.S
    )
    page = _SRC.sub(r"\1" if quotes else "", page)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


_SRC = re.compile(r'<span class="(?:[\w-]+ )?src">(.*?)</span>', re.S)


def _marked_quotes(page: str, report: Report) -> list[str]:
    """The page's marked quotes that are not the report's own text (none, honestly)."""
    quoted = _quotable(report)
    return [q for q in map(html.unescape, _SRC.findall(page)) if q not in quoted]


def _page(report: Report, lang: str, image_failure: str | None = None) -> str:
    findings = _ordered(report.findings)
    images = [FindingImages() for _ in findings]
    return render_page(report, findings, images, lang, image_failure)  # type: ignore[arg-type]


def english_words(text: str) -> list[str]:
    """Latin words that are not identifiers (file names, hashes, ids carry _ . or digits)
    nor acronyms (PDF, OCR)."""
    tokens = re.findall(r"[A-Za-z][A-Za-z0-9_.+-]+", text)  # one letter: a variable (x)
    return [
        t
        for t in tokens
        if t not in ("Pinggu", "SHA-256")
        and not re.search(r"[_.\d]", t)
        and not re.fullmatch(r"[A-Z]{2,5}", t)
    ]


def _quotable(report: Report) -> str:
    """The report's own text: everything the record holds but what Pinggu says about it,
    plus the words a problem may quote as what it looked for (the profile's wordings of
    the core fields)."""
    plain = report.model_copy(deep=True)
    for f in plain.findings:
        f.explanation_zh = f.explanation_en = ""
        f.ruled_out = []
        f.cause_zh = f.cause = f.tolerance_zh = f.tolerance = None
    for p in plain.problems:
        p.message_zh = p.message = ""
    for r in plain.indicators.rows:
        r.uncertain = r.uncertain_zh = None
    for t in plain.indicators.reads:
        t.doubts, t.doubts_zh = [], []
    for c in plain.coverage:
        c.description_zh = c.description = ""
        for s in c.skipped:
            s.reason_zh = s.reason = ""
    words = profile().core_fields.values()
    return plain.model_dump_json() + "".join(words)


# Every report PDF of the corpus, the held-out split included (the scans aside: their
# text is what OCR made of it, and tests/test_ocr.py reads them).
CORPUS_PDFS = sorted(
    pdf
    for folder in ("seed", "generated", "handmade", "families", "validation")
    for pdf in (ROOT / "corpora" / folder).rglob("*.pdf")
)


def test_the_check_language_tests_can_fail() -> None:
    assert english_words("总得分 86.75 the total prints 85") == ["the", "total", "prints"]
    assert english_words("xicun_2024_final.pdf · guangzhou_station · Pinggu 0.1.0") == []
    assert _md_visible("| xicun\\_2024\\_final.pdf | 成功 | `ValueError: boom` |") == (
        "| xicun_2024_final.pdf | 成功 |  |"
    )
    assert _foreign("The text “总得分” says 85 for 合计", "总得分") == ["合计"]
    assert len(CORPUS_PDFS) >= 70 and any("validation" in p.parts for p in CORPUS_PDFS)


@pytest.mark.parametrize("pdf", CORPUS_PDFS, ids=[p.name for p in CORPUS_PDFS])
def test_audit_pages_and_markdown_speak_one_language(
    pdf: Path, corpus_reports: CorpusReports
) -> None:
    """`check --lang zh|en` of every corpus report, as the audit page (`--html`), the
    Markdown table (`--format md`) and the terminal's table, rendered in process."""
    report = corpus_reports(pdf)
    _one_language_each(report)
    _markdown_one_language([(pdf.name, report, None)], _quotable(report))
    assert english_words(_terminal(report, "zh")) == []
    assert _foreign(_terminal(report, "en"), _quotable(report)) == []


def _terminal(report: Report, lang: str) -> str:
    """`check`'s table on a terminal (no -o), wide enough not to fold a word."""
    console = Console(record=True, width=1000, file=io.StringIO())
    console.print(findings_table(report, lang))
    return console.export_text()


def _one_language_each(report: Report, image_failure: str | None = None) -> tuple[str, str]:
    """The report's Chinese and English pages as read, each asserted to speak one language
    (the English quoting only the report's own text)."""
    zh_page, en_page = (_page(report, lang, image_failure) for lang in ("zh", "en"))
    assert _marked_quotes(zh_page, report) == _marked_quotes(en_page, report) == []
    assert english_words(_visible(zh_page)) == []
    assert CJK.findall(_visible(en_page)) == []  # the report's words are all marked
    return _visible(zh_page, quotes=True), _visible(en_page, quotes=True)


def test_the_index_page_speaks_one_language(corpus_reports: CorpusReports) -> None:
    """`check --html DIR` over several reports writes an index: its own words in one
    language, the stations and kinds it lists marked as the reports' words."""
    reports = [corpus_reports(p) for p in CORPUS_PDFS[::10]]
    rows = [(f"{r.source.file}.html", r) for r in reports]
    zh, en = render_index(rows, "zh"), render_index(rows, "en")
    stations = {r.meta.station.value for r in reports if r.meta.station is not None}
    assert stations and {html.unescape(q) for q in _SRC.findall(en)} >= stations
    assert english_words(_visible(zh)) == []
    assert CJK.findall(_visible(en)) == []


def _foreign(en: str, quoted: str) -> list[str]:
    """Runs of Chinese in English text that are not the report's own text."""
    runs = re.findall(r"[^\x00-\x7f\s]*" + CJK.pattern + r"[^\x00-\x7f\s]*", en)
    return [run for run in runs if not _quoted(run, quoted)]


def _md_visible(md: str) -> str:
    """What a reader of the Markdown sees: escapes undone, code spans (an error's
    technical detail) left out, entities (&lt;) read."""
    return html.unescape(re.sub(r"\\(.)", r"\1", re.sub(r"(`+).*?\1", "", md)))


def _markdown_one_language(results: list[Item], quoted: str) -> tuple[str, str]:
    zh = _md_visible(check_bytes(results, "md", "zh").decode("utf-8"))
    assert english_words(zh) == []
    en = _md_visible(check_bytes(results, "md", "en").decode("utf-8"))
    assert _foreign(en, quoted) == []
    return zh, en


def _quoted(run: str, quoted: str) -> bool:
    """The run is text of the report, possibly wrapped in the page's own quote marks."""
    core = run.strip("“”‘’「」()（）:：;；,，.。")
    return not core or core in quoted


# A report with 社工点 rows under its 片区 and printed weights and grade bands.
POSTS = ROOT / "corpora" / "families" / "qiaoxin" / "qiaoxin_changle_2023_final.pdf"


def _said_on(pages: tuple[str, str], said: Said) -> bool:
    zh, en = pages
    return said.zh in zh and said.en in en


def test_a_misread_table_is_said_in_one_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The problem of a table read that does not hold together and the 'not checkable'
    reason of its rows, through the real passes and checks: with the trust share set
    above 1 no read of enough relations is trusted."""
    monkeypatch.setattr(consistency, "TRUST_SHARE", 1.01)
    report = build_report(build_document(POSTS))
    problems = [p for p in report.problems if p.code == "problem.table_uncertain"]
    assert problems
    skipped = [s for c in report.coverage for s in c.skipped]
    tables = {r.table for r in report.indicators.rows if r.uncertain}
    reasons = [say("skip.uncertain", table=t) for t in sorted(tables)]
    assert reasons and all(
        Said(r.zh, r.en) in {Said(s.reason_zh, s.reason) for s in skipped} for r in reasons
    )
    pages = _one_language_each(report)
    for p in problems:
        assert _said_on(pages, Said(p.message_zh, p.message))
    assert all(_said_on(pages, r) for r in reasons)


def test_indicator_sums_and_assumed_weights_are_said_in_one_language(
    corpus_reports: CorpusReports,
) -> None:
    """The indicator and scoring messages no development report happens to print: a
    社工点 row that does not add up to its 片区 (scope.post), a 社工点 cell left blank, a
    score above a weight and a grade outside a band that only the profile's defaults
    say (cause.profile_weights, cause.profile_bands)."""
    report = corpus_reports(POSTS).model_copy(deep=True)
    posts = [r for r in report.indicators.rows if r.scope == "post" and not r.uncertain]
    changed = next(r for r in posts if r.done is not None and r.done.value is not None)
    assert changed.done is not None and changed.done.value is not None
    value = changed.done.value + 7
    changed.done = changed.done.model_copy(update={"value": value, "printed": f"{value:g}"})
    blank = next(
        r
        for r in posts
        if r.target is not None and (r.table, r.indicator) != (changed.table, changed.indicator)
    )
    blank.target = None
    sc = report.scoring
    sc.weights_source = sc.bands_source = "profile"
    first = sc.party_scores[0]
    weight = next(w.weight for w in sc.weights if w.party == first.party)
    first.score = first.score.model_copy(
        update={"value": weight + 1.5, "printed": f"{weight + 1.5:.2f}"}
    )
    assert sc.total is not None and sc.grade is not None
    outside = next(b.grade for b in sc.bands if not in_band(Fraction(str(sc.total.value)), b))
    sc.grade = sc.grade.model_copy(update={"value": outside})
    checked = check_report(report)
    report.findings, report.coverage = checked.findings, checked.coverage

    post = say("scope.post")
    sums = [f for f in report.findings if f.rule == "sum.area_total"]
    assert any(post.zh in f.explanation_zh and f" {post.en}" in f.explanation_en for f in sums)
    causes = {f.rule: Said(f.cause_zh or "", f.cause or "") for f in report.findings}
    assert causes["score.cap"] == say("cause.profile_weights")
    assert causes["grade.band"] == say("cause.profile_bands")
    reasons = {Said(s.reason_zh, s.reason) for c in report.coverage for s in c.skipped}
    assert say("skip.area_blank", level=post) in reasons
    pages = _one_language_each(report)
    for said in (
        say("cause.profile_weights"),
        say("cause.profile_bands"),
        say("skip.area_blank", level=post),
    ):
        assert _said_on(pages, said)


# --- bad input ---------------------------------------------------------------------------


def _garbled_pdf(path: Path) -> Path:
    """Three pages, the middle one's text layer mojibake (Latin-1 letters where Chinese
    should be), the others a little Chinese."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    for page in range(3):
        font, line = ("Helvetica", "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõ") if page == 1 else (
            "STSong-Light", "西村街社工服务站末期评估报告，总得分 86.75 分，等级为良好。"
        )  # fmt: skip
        c.setFont(font, 12)
        for k in range(10):
            c.drawString(72, 720 - 20 * k, line)
        c.showPage()
    c.save()
    return path


def _bad_inputs(folder: Path) -> dict[str, Path]:
    from tests.test_bad_input import PASSWORD, StandardEncryption, make_image_pdf, make_text_pdf

    whole = make_text_pdf(folder / "whole.pdf", pages=10).read_bytes()
    (folder / "notes.pdf").write_text("西村街社工服务站 末期评估报告\n" * 50, encoding="utf-8")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "half.pdf").write_bytes(whole[: len(whole) // 2])
    make_text_pdf(folder / "locked.pdf", encrypt=StandardEncryption(PASSWORD))
    make_image_pdf(folder / "scan.pdf")
    _garbled_pdf(folder / "garbled.pdf")
    names = ("notes", "empty", "half", "locked", "scan", "garbled")
    return {name: folder / f"{name}.pdf" for name in names}


def _outcome(path: Path, password: str | None = None) -> FileOutcome:
    """`check`'s outcome for one file, in process (OCR off, as without the extra)."""
    try:
        doc = load_document(path, PipelineOptions(password=password))
    except PingguError as exc:
        return FileOutcome(path, error=exc)
    return FileOutcome(path, report=build_report(doc))


def test_bad_inputs_are_said_in_one_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files `check` cannot read (the Markdown table's error rows), a page whose text
    layer is garbage, a pass that fails and page images that cannot be rendered (the
    audit page's problems and notes): the exception's own words stay in a code element,
    apart from the sentence."""
    paths = _bad_inputs(tmp_path)
    outcomes = [_outcome(p) for p in paths.values()] + [_outcome(paths["locked"], "guess")]
    errors = {o.path.stem: o.error for o in outcomes}
    kinds = [type(o.error).__name__ if o.error else o.report and o.report.status for o in outcomes]
    assert kinds == [
        "NotAPdfError",
        "EmptyFileError",
        "CorruptPdfError",
        "EncryptedPdfError",
        "NoTextLayerError",
        "partial",
        "EncryptedPdfError",
    ], errors
    results = items(outcomes)
    zh, en = _markdown_one_language(results, _quotable(outcomes[5].report))  # type: ignore[arg-type]
    for o in outcomes[:5]:
        assert o.error is not None
        said = say(error_key(o.error), file=o.path.name)
        assert said.zh in zh and said.en in en
    assert say("error.wrong_password", file="locked.pdf").zh in zh

    garbled = outcomes[5].report
    assert garbled is not None
    [problem] = [p for p in garbled.problems if p.code == "problem.page_garbled"]
    pages = _one_language_each(garbled, image_failure="RuntimeError: PDFium could not render")
    assert _said_on(pages, Said(problem.message_zh, problem.message))

    def broken(*args: object) -> None:
        raise ValueError("the meta pass broke")

    monkeypatch.setattr(run, "extract_meta", broken)
    failed = build_report(load_document(paths["garbled"]))
    [stage] = [p for p in failed.problems if p.code == "problem.stage_failed"]
    assert stage.detail is not None and "ValueError: the meta pass broke" in stage.detail
    assert "broke" not in stage.message + stage.message_zh  # the detail, not the sentence
    page = _page(failed, "zh")
    assert f'<code class="detail">{html.escape(stage.detail)}</code>' in page
    _one_language_each(failed)
