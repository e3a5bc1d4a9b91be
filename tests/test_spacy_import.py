"""`extractor.nlp.spacy_import`: spaCy imported without its CLI, and nothing of spaCy
lost by it. Each test that imports spaCy does so in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from extractor.nlp.spacy_import import cli_line_only


def run(code: str) -> dict[str, object]:
    """`code` run in a fresh interpreter; it prints one JSON object."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_the_pipeline_is_built_without_spacys_cli() -> None:
    """Warming (spaCy pipeline, matchers, every models/ file) imports no module of
    spaCy's CLI and none of what only it needs."""
    got = run(
        "import json, sys\n"
        "from extractor.pipeline import warm\n"
        "warm()\n"
        "cli = sorted(m for m in sys.modules if m.startswith(('spacy.cli', 'weasel', "
        "'requests', 'httpx', 'jinja2')))\n"
        "print(json.dumps({'spacy': 'spacy' in sys.modules, 'cli': cli}))"
    )
    assert got == {"spacy": True, "cli": []}


def test_spacy_info_and_cli_still_work() -> None:
    """`spacy.info` is spaCy's own once called; `spacy.cli` imports as the real package."""
    got = run(
        "import json, sys\n"
        "from extractor.nlp.spacy_import import import_spacy\n"
        "spacy = import_spacy()\n"
        "info = spacy.info(silent=True)\n"
        "import spacy.cli\n"
        "print(json.dumps({'version': info['spacy_version'], 'about': spacy.about.__version__,"
        " 'same': spacy.info is sys.modules['spacy.cli.info'].info,"
        " 'download': callable(spacy.cli.download)}))"
    )
    assert got["version"] == got["about"] and got["same"] is True and got["download"] is True


def test_a_failed_import_leaves_no_stand_in() -> None:
    """Whatever happens during the import, the stand-in leaves sys.modules with it."""
    got = run(
        "import json, sys\n"
        "sys.modules['thinc.api'] = None  # makes spaCy's import fail\n"
        "from extractor.nlp.spacy_import import import_spacy\n"
        "try:\n"
        "    import_spacy()\n"
        "    failed = False\n"
        "except ImportError:\n"
        "    failed = True\n"
        "print(json.dumps({'failed': failed, 'left': 'spacy.cli.info' in sys.modules}))"
    )
    assert got == {"failed": True, "left": False}


def test_another_spacy_is_imported_as_usual(tmp_path: Path) -> None:
    """The stand-in applies only to an `__init__` whose one reference to the CLI is the
    `spacy.info` line; anything else (a lazy CLI, more names from it) is left alone."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    assert spec is not None and spec.origin is not None
    assert cli_line_only(Path(spec.origin))  # the installed spaCy (3.8)
    init = tmp_path / "__init__.py"
    cases = {
        "from .cli.info import info  # noqa: F401\nfrom .language import Language\n": True,
        "from .cli.info import info\nfrom .cli import app\n": False,
        "def __getattr__(name):\n    from . import cli\n    return cli\n": False,
        "from .language import Language\n": False,
    }
    for text, expected in cases.items():
        init.write_text(text, encoding="utf-8")
        assert cli_line_only(init) is expected, text
    assert cli_line_only(tmp_path / "missing.py") is False
