"""The one loader of models/: where it lives, how a file is read, how it is validated.

Every file of domain data (section wordings, profiles, patterns, vocabularies) is read by
`load` into a pydantic model: the model's fields and validators say what the file may
hold, and a bad file raises one `ModelDataError` listing every problem in it.
`models_dir` is the one function that decides where models/ is.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from extractor.errors import ModelDataError

M = TypeVar("M", bound=BaseModel)


def models_dir() -> Path:
    """Where models/ lives: $PINGGU_MODELS if set; else the copy an installed wheel ships
    as package data (`extractor/models`); else the repository's top-level `models/`
    beside the package (a source checkout or an editable install)."""
    env = os.environ.get("PINGGU_MODELS")
    if env:
        return Path(env)
    return _bundled_models()


@lru_cache(maxsize=1)
def _bundled_models() -> Path:
    """Resolved once: the passes ask for models/ per table cell, and resolving the
    package's path costs a system call per path component."""
    package = Path(__file__).resolve().parent.parent
    shipped = package / "models"
    return shipped if shipped.is_dir() else package.parent / "models"


def model_path(name: str | Path) -> Path:
    """`name` under models/, or `name` itself when it is an absolute path."""
    path = Path(name)
    return path if path.is_absolute() else models_dir() / path


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelDataError(path, ["missing"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelDataError(path, [f"cannot read: {exc}"]) from None


# libyaml's parser when PyYAML was built with it (the wheels are): the same safe
# loading in a tenth of the pure-Python parser's time (which was half of the warm-up
# a command does before its first file).
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(path: Path) -> Any:
    """A YAML or JSON file's content (JSON for `.json`, YAML otherwise)."""
    text = read_text(path)
    try:
        if path.suffix == ".json":
            return json.loads(text)
        return yaml.load(text, _SafeLoader)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        kind = "JSON" if path.suffix == ".json" else "YAML"
        raise ModelDataError(path, [f"not valid {kind}: {exc}"]) from None


def problems_of(exc: ValidationError) -> list[str]:
    """One line per problem: where in the file, and what is wrong."""
    out: list[str] = []
    for e in exc.errors():
        where = ".".join(str(x) for x in e["loc"])
        msg = str(e["msg"]).removeprefix("Value error, ")
        for line in msg.splitlines():  # a model validator lists several problems
            out.append(f"{where}: {line}" if where else line)
    return out


def validate(model: type[M], data: Any, path: Path, context: dict[str, Any] | None = None) -> M:
    """`data` as `model`, or a `ModelDataError` naming `path` with every problem."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise ModelDataError(path, problems_of(exc)) from None


def load(model: type[M], name: str | Path, context: dict[str, Any] | None = None) -> M:
    """A file of models/ (or an absolute path) read and validated as `model`."""
    path = model_path(name)
    return validate(model, read_data(path), path, context)


class Data(BaseModel):
    """Base of the models/ file models: unknown keys are typos, not extensions."""

    model_config = ConfigDict(extra="forbid")


@lru_cache(maxsize=512)
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def bad_regexes(patterns: Iterable[tuple[str, str]]) -> list[str]:
    """`where: bad regex: …` for each (where, pattern) that does not compile."""
    problems = []
    for where, pattern in patterns:
        try:
            compiled(pattern)
        except re.error as exc:
            problems.append(f"{where}: bad regex: {exc}")
    return problems


def raise_all(problems: list[str]) -> None:
    """A validator's problems, every one at once (one per line), so that an edit of a
    models/ file is fixed in one round; nothing when there is none."""
    if problems:
        raise ValueError("\n".join(problems))


def _compiles(pattern: str) -> str:
    try:
        compiled(pattern)
    except re.error as exc:
        raise ValueError(f"bad regex {pattern!r}: {exc}") from None
    return pattern


Regex = Annotated[str, AfterValidator(_compiles)]
"""A regular expression, checked to compile when the file is loaded."""
