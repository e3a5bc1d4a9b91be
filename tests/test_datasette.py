"""The store in Datasette: `pinggu metadata` writes a metadata.yml that describes every
table and column of the store (and nothing else), and Datasette, run in-process on a
store of corpus PDFs, shows the descriptions, names reports by their station and answers
the canned queries with real rows. docs/metadata.yml is the generated copy."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from extractor.knowledge import browser_doc, column_dictionary
from extractor.rows import Unread, check_table, report_tables
from extractor.store import open_store, read_store
from extractor.store.datasette import metadata_yaml, store_columns
from tests.conftest import CorpusReports

ROOT = Path(__file__).resolve().parents[1]
PDFS = [
    ROOT / "corpora/seed/xicun_2024_final.pdf",
    ROOT / "corpora/generated/gen_000.pdf",
    ROOT / "corpora/generated/gen_001.pdf",
]


@pytest.fixture(scope="module")
def store_db(corpus_reports: CorpusReports, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("datasette") / "results.sqlite"
    with open_store(db) as w:
        for pdf in PDFS:
            w.save(corpus_reports(pdf), pdf)
    return db


def _metadata(db: Path) -> dict[str, Any]:
    res = subprocess.run(
        [sys.executable, "-c", "from extractor.cli import main; main()", "metadata", "--db", db],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr
    data: dict[str, Any] = yaml.safe_load((db.parent / "metadata.yml").read_text("utf-8"))
    return data


def test_metadata_describes_every_column_of_the_store_and_no_other(store_db: Path) -> None:
    meta = _metadata(store_db)
    tables = meta["databases"]["results"]["tables"]
    with sqlite3.connect(store_db) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name != 'schema_version'"
            )
        ]
        for name in names:
            columns = [d[0] for d in conn.execute(f"SELECT * FROM {name} LIMIT 0").description]
            assert tables[name]["description"], name
            described = tables[name]["columns"]
            assert list(described) == columns, name  # every column, and no missing one
            assert all(described.values()), [c for c, m in described.items() if not m]
    assert sorted(tables) == sorted(names)
    assert tables["reports"]["label_column"] == "station"
    assert "district" in tables["reports"]["facets"]


def test_every_column_the_dictionary_names_is_in_some_output(
    store_db: Path, corpus_reports: CorpusReports
) -> None:
    """models/columns.yaml describes no column that no output has (a renamed or dropped
    column leaves no stale meaning behind), and every column has its Chinese header."""
    d = column_dictionary()
    with read_store(store_db) as store:
        outputs = {n: set(c) for n, c in store_columns(store).items()}
    reports = [corpus_reports(p) for p in PDFS]
    for t in report_tables(reports):
        outputs.setdefault(t.name, set()).update(t.columns)
    unread = Unread("broken", "损坏", "broken")
    outputs["findings"] |= set(check_table([("x.pdf", None, unread)]).columns)
    outputs["findings"] |= set(check_table([(r.source.file, r, None) for r in reports]).columns)
    every = set().union(*outputs.values())
    assert sorted(set(d.columns) - every) == []
    for name, doc in d.tables.items():
        assert name in outputs, name
        assert sorted(set(doc.columns) - outputs[name]) == [], name
    readme = {"table_name", "column", "meaning", "rows", "header"}
    assert sorted(every - set(d.zh)) == []
    assert sorted(set(d.zh) - every - readme) == []
    assert sorted(set(d.values) - every) == []


def test_the_repository_copy_is_the_generated_one(tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    open_store(db).close()
    with read_store(db) as store:
        generated = metadata_yaml(store)
    shipped = (ROOT / "docs" / "metadata.yml").read_text(encoding="utf-8")
    assert shipped == generated, "regenerate: pinggu metadata --db results.sqlite -o docs/..."


def test_datasette_browses_the_store(store_db: Path) -> None:
    try:
        from datasette.app import Datasette
    except ImportError:
        reason = "datasette not installed (it is in the dev extra); CI installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    meta = _metadata(store_db)
    ds = Datasette([str(store_db)], metadata=meta)

    async def get(path: str) -> Any:
        res = await ds.client.get(path)
        assert res.status_code == 200, (path, res.text[:300])
        return res

    async def browse() -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["tables"] = (await get("/results.json")).json()
        out["reports_page"] = (await get("/results/reports")).text
        out["findings"] = (await get("/results/findings.json?_shape=array&_labels=on")).json()
        out["queries"] = {
            name: (await get(f"/results/{name}.json?_shape=array")).json()
            for name in browser_doc().queries
        }
        out["facets"] = (await get("/results/reports.json?_facet=district")).json()
        return out

    got = asyncio.run(browse())
    names = {t["name"] for t in got["tables"]["tables"]}
    assert {"reports", "indicator_rows", "narrative", "staffing", "roster", "records"} <= names
    # the table page shows the dictionary's description and a column's meaning
    assert column_dictionary().description("reports") in got["reports_page"]
    assert "the sum of the parties&#39; scores" in got["reports_page"] or (
        "the sum of the parties' scores" in got["reports_page"]
    )
    # a finding's report id is shown as its station (label_column), not a hash
    stations = {f["report_id"]["label"] for f in got["findings"]}
    assert "广州市西村街社工服务站" in stations
    q = got["queries"]
    districts = {r["district"] for r in q["reports_by_district"]}
    assert {"荔湾区"} <= districts and sum(r["reports"] for r in q["reports_by_district"]) == 3
    assert q["errors_by_kind"] and q["errors_by_kind"][0]["findings"] > 0
    wrong = [r for r in q["inconsistent_rates"] if r["pct_printed"] == "274.94%"]
    assert wrong and wrong[0]["pct_recomputed"] == 92.0
    assert all(q[name] for name in ("completion_by_indicator", "errors_by_station"))
    facet = got["facets"]["facet_results"]["district"]["results"]
    assert sum(f["count"] for f in facet) == 3
    assert json.dumps(q, ensure_ascii=False)  # plain JSON rows, nothing lazy
