"""models/ loaded one way (extractor/knowledge): every shipped file through a pydantic
model, a bad file one ModelDataError (exit 78) listing every problem in it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from extractor import knowledge
from extractor.errors import ModelDataError, PingguError
from extractor.knowledge import nlp
from extractor.knowledge.loader import load, model_path
from extractor.knowledge.messages import MessageCatalogue
from extractor.knowledge.profiles import Profile
from extractor.knowledge.vocab import RosterVocab, TableWords

MODELS = Path(__file__).resolve().parents[1] / "models"


def _marker(path: Path) -> object:
    return nlp.load_span_patterns(path, nlp.MARKER_LABELS)


def _mentions(path: Path) -> object:
    return nlp.load_span_patterns(path, nlp.MENTION_LABELS)


LOADERS: dict[str, Callable[[Path], object]] = {
    "sections.yaml": lambda p: load(knowledge.SectionVocab, p),
    "columns.yaml": lambda p: load(knowledge.ColumnDictionary, p),
    "datasette.yaml": lambda p: load(knowledge.BrowserDoc, p),
    "taxonomy.yaml": lambda p: load(knowledge.Taxonomy, p),
    "profiles/guangzhou_station.yaml": lambda p: load(Profile, p),
    "patterns/meta.yaml": lambda p: load(knowledge.MetaPatterns, p),
    "patterns/staffing.yaml": lambda p: load(knowledge.StaffingPatterns, p),
    "patterns/indicator_lists.yaml": lambda p: load(knowledge.ListPatterns, p),
    "patterns/figure_regexes.yaml": lambda p: nlp.load_figure_regexes(
        p, nlp.load_units(MODELS / "vocab" / "units.yaml")
    ),
    "patterns/markers.jsonl": _marker,
    "patterns/indicator_mentions.jsonl": _mentions,
    "vocab/units.yaml": lambda p: load(nlp.UnitVocab, p),
    "vocab/indicators.yaml": lambda p: load(nlp.IndicatorVocab, p),
    "vocab/scopes.yaml": lambda p: load(knowledge.ScopeVocab, p),
    "vocab/measures.yaml": lambda p: load(knowledge.MeasureWords, p),
    "vocab/roster.yaml": lambda p: load(RosterVocab, p),
    "vocab/table_words.yaml": lambda p: load(TableWords, p),
    "messages/checks.yaml": lambda p: load(MessageCatalogue, p),
    "messages/problems.yaml": lambda p: load(MessageCatalogue, p),
    "messages/errors.yaml": lambda p: load(MessageCatalogue, p),
}


def test_every_data_file_has_its_loader() -> None:
    """No file in models/ is read some other way (schemas/ are written, not read)."""
    files = {
        p.relative_to(MODELS).as_posix()
        for p in MODELS.rglob("*")
        if p.is_file() and p.parts[len(MODELS.parts)] != "schemas"
    }
    assert files == set(LOADERS)


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_shipped_file_loads(name: str) -> None:
    assert LOADERS[name](MODELS / name)


def test_models_dir_is_the_one_place(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PINGGU_MODELS", str(tmp_path))
    assert knowledge.models_dir() == tmp_path
    assert model_path("vocab/units.yaml") == tmp_path / "vocab" / "units.yaml"
    with pytest.raises(ModelDataError) as exc:
        load(knowledge.MeasureWords, "vocab/measures.yaml")
    assert exc.value.problems == ["missing"] and "measures.yaml" in str(exc.value)


def test_every_problem_of_a_profile_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    shutil.copy(MODELS / "profiles" / "guangzhou_station.yaml", path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("parties:", "colour: blue\nparties:", 1)  # an unknown key
    text = text.replace("third_party:", "fourth_party:", 1)  # an unknown party
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ModelDataError) as exc:
        load(Profile, path)
    err = exc.value
    assert isinstance(err, PingguError) and err.exit_code == 78 and err.hint
    assert len(err.problems) == 2, err.problems
    assert any(p.startswith("colour:") for p in err.problems)
    assert any("unknown parties ['fourth_party']" in p for p in err.problems)
    assert "\n" not in str(err)  # one line for the CLI


def test_bad_yaml_and_bad_regex(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("units: {節: sessions\n", encoding="utf-8")
    with pytest.raises(ModelDataError, match="not valid YAML"):
        load(knowledge.MeasureWords, path)
    meta = (MODELS / "patterns" / "meta.yaml").read_text(encoding="utf-8")
    path.write_text(meta.replace("station_suffix: '(?:", "station_suffix: '((?:", 1))
    with pytest.raises(ModelDataError) as exc:
        load(knowledge.MetaPatterns, path)
    assert [p.split(":")[0] for p in exc.value.problems] == ["station_suffix"]
