"""README documents the CLI (the sqlite-utils habit): every `pinggu` command is named in
it, every command's help carries an example, and the README opens with the two commands
a newcomer needs — set up and run, then run the tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet
from typer.models import CommandInfo

from extractor.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)

# command name → why README does not document it yet (strict xfail: remove when fixed).
UNDOCUMENTED: dict[str, str] = {}


def commands() -> dict[str, CommandInfo]:
    """Command name → its typer registration (name as typer derives it from the function)."""
    out = {}
    for cmd in app.registered_commands:
        assert cmd.callback is not None
        out[cmd.name or cmd.callback.__name__.replace("_", "-")] = cmd
    return out


def command_names() -> list[str]:
    return list(commands())


def readme() -> str:
    return README.read_text(encoding="utf-8")


def cases() -> list[ParameterSet]:
    out = []
    for name in command_names():
        reason = UNDOCUMENTED.get(name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(name, id=name, marks=marks))
    return out


def test_cli_has_the_core_commands() -> None:
    assert {"inspect", "extract", "schema", "evaluate"} <= set(command_names())


@pytest.mark.parametrize("name", cases())
def test_readme_documents_command(name: str) -> None:
    assert re.search(rf"pinggu {re.escape(name)}\b", readme()), (
        f"README.md does not mention `pinggu {name}`: add it to the Commands table"
    )


@pytest.mark.parametrize("name", command_names())
def test_command_help_has_example(name: str) -> None:
    cmd = commands()[name]
    assert cmd.callback is not None
    doc = cmd.help or cmd.callback.__doc__ or ""
    assert f"Example: pinggu {name}" in doc


def test_readme_opens_with_setup_and_test_commands() -> None:
    blocks = FENCE.findall(readme())
    assert len(blocks) >= 2
    setup, tests = blocks[0], blocks[1]
    assert "pip install" in setup
    assert re.search(r"\.venv/bin/pinggu \w+", setup), "the first block must also run pinggu"
    assert "pytest" in tests
    assert "pip install" not in tests
