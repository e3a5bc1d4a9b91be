"""A form line under the title, two label:value pairs printed apart without a space
between them ("评估机构：…评估中心    报告日期：2025年1月18日", closed/pingtan's result box
line), and a scoring table whose 第三方评估机构 row prints a party's full marks (40),
which is no evaluator's name. On a real page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractor.document.build import build_document
from extractor.passes.meta import _form_value, extract_meta

PDF = Path(__file__).parent.parent / "corpora/closed/pingtan/pingtan_yangxia_2024_final.pdf"


def test_form_line_gives_evaluator_and_report_date() -> None:
    doc = build_document(PDF)
    # the text run joins the two fields: no space is left between them
    assert any("评估中心报告日期：" in b.text for b in doc.blocks)
    meta = extract_meta(doc)
    assert meta.evaluator is not None and meta.evaluator.value == "闽江市平潭社会服务评估中心"
    assert meta.evaluator.prov.page == 1
    assert meta.evaluation_date is not None and meta.evaluation_date.value == dt.date(2025, 1, 18)
    # the 评估主体 │ 满分 │ 得分 table: "第三方评估机构 │ 40" is full marks, no name
    assert _form_value(doc, "evaluator") is None
