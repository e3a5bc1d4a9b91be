# %% [markdown]
# # Comparing stations across the corpus
#
# What a researcher does with Pinggu's output: extract a folder of reports into SQLite
# with `pinggu batch`, then compare stations, districts and years and see which
# inconsistencies the checker finds most: first in plain SQL, then as pandas DataFrames
# through `extractor.open_store`. The file is a percent-format notebook
# (open it in Jupyter with jupytext, or run it as a script); CI runs it end to end.

# %%
import os
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path

from extractor.batch import run_batch
from extractor.pipeline import PipelineOptions

ROOT = Path(os.environ.get("PINGGU_ROOT", Path.cwd()))
CORPUS = ROOT / "corpora" / "generated"
DB = Path(tempfile.mkdtemp()) / "pinggu.sqlite"

result = run_batch([CORPUS], DB, PipelineOptions(), workers=2, redact=True)
print(f"{result.done} reports stored, {len(result.failures)} failed, in {result.elapsed_s:.1f} s")

# %% [markdown]
# ## Scores by district
# One row per report in the `station_summary` view (each content once, however many
# copies of the file there are, and only what some file still holds: a replaced file's
# old report is in `superseded_reports` instead); average the totals per district.

# %%
con = sqlite3.connect(DB)
rows = con.execute(
    """
    SELECT district, COUNT(*) AS stations, ROUND(AVG(total), 2) AS mean_total,
           MIN(total) AS lowest, MAX(total) AS highest
    FROM station_summary GROUP BY district ORDER BY mean_total DESC
    """
).fetchall()
print(f"{'district':<10} {'stations':>8} {'mean':>7} {'low':>7} {'high':>7}")
for district, n, mean, low, high in rows:
    print(f"{district:<10} {n:>8} {mean:>7} {low:>7} {high:>7}")
assert sum(r[1] for r in rows) == result.done

# %% [markdown]
# ## Grades by report kind (中期 / 末期)

# %%
grades = Counter(con.execute("SELECT kind, grade FROM reports").fetchall())
for (kind, grade), n in sorted(grades.items()):
    print(f"{kind} {grade}: {n}")

# %% [markdown]
# ## Which inconsistencies are published most?
# Error findings per rule, and the share of reports with at least one.

# %%
per_rule = con.execute(
    """
    SELECT rule, COUNT(*) AS findings, COUNT(DISTINCT sha256) AS reports
    FROM findings WHERE severity = 'error' GROUP BY rule ORDER BY findings DESC
    """
).fetchall()
for rule, n, reports in per_rule:
    print(f"{rule:<24} {n:>3} findings in {reports:>2} reports")
flagged = con.execute(
    "SELECT COUNT(DISTINCT sha256) FROM findings WHERE severity = 'error'"
).fetchone()[0]
print(f"{flagged}/{result.done} reports carry at least one arithmetic error")

# %% [markdown]
# ## Indicator completion across stations
# Station totals (合计 rows) of 电访 completion, the indicator with the widest spread.

# %%
pct = con.execute(
    """
    SELECT r.station, i.pct FROM indicator_rows i JOIN reports r USING (sha256)
    WHERE i.area = '合计' AND i.indicator = 'phone_visits' AND i.pct IS NOT NULL
    ORDER BY i.pct DESC LIMIT 5
    """
).fetchall()
for station, value in pct:
    print(f"{station}: {value:.2f}%")
con.close()

# %% [markdown]
# ## The same store as DataFrames
# `extractor.open_store` opens the store read-only and hands each table out as a pandas
# DataFrame; every row of a report's table carries its station, district, year and kind,
# so grouping needs no join (`pip install 'pinggu[pandas]'`).

# %%
import extractor

store = extractor.open_store(DB)
summary = store["station_summary"]
errors_by_district = (
    summary.assign(with_errors=summary.error_findings > 0)
    .groupby("district")
    .agg(reports=("station", "size"), with_errors=("with_errors", "sum"))
    .sort_values("with_errors", ascending=False)
)
print(errors_by_district.to_string())

# %% [markdown]
# ## Completion by indicator and district
# The 合计 rows, their rate recomputed as done ÷ target (a printed rate may be the very
# error the checker reports), median per indicator and district.

# %%
indicator_frame = store["indicator_rows"]
totals = indicator_frame[
    (indicator_frame.area == "合计") & (indicator_frame.target > 0) & indicator_frame.done.notna()
]
completion = (
    totals.assign(rate=totals.done / totals.target * 100)
    .pivot_table(index=["indicator", "measure"], columns="district", values="rate", aggfunc="median")
    .round(1)
)
print(completion.iloc[:, :6].to_string())

# %% [markdown]
# ## Which concern themes recur?
# Concern items (需要关注的地方) by the themes of models/taxonomy.yaml.

# %%
import json as _json

concerns = store["assessments"]
concerns = concerns[concerns.polarity == "concern"]
themes = concerns.assign(theme=concerns.themes.map(_json.loads)).explode("theme").dropna(
    subset=["theme"]
)
recurring = themes.groupby("theme").agg(items=("theme", "size"), stations=("station", "nunique"))
print(recurring.sort_values("items", ascending=False).head(10).to_string())
store.close()
