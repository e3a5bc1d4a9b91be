"""Import spaCy without its command line (issue 10: start-up).

`spacy/__init__.py` (3.x, up to the installed 3.8) binds `spacy.info` with
`from .cli.info import info`, and importing that one module imports spaCy's whole CLI
package: every command, typer, weasel, requests, httpx, jinja2, about 400 modules and
two fifths of `import spacy`. A pipeline needs none of it (Pinggu builds a blank `zh`
pipeline; it never downloads, trains or packages). spaCy has no switch for this: a lazy
`spacy.info` was merged upstream and reverted because it broke `spacy.cli` access
(explosion/spaCy#12962; #13721 and #13933, still open, propose it again).

`import_spacy()` imports spaCy with `sys.modules["spacy.cli.info"]` holding a stand-in
for the duration of that one import statement, so `from .cli.info import info` binds the
stand-in's `info` instead of importing the CLI. It is safe because:

- it acts only when spaCy is not imported yet, and only when spaCy's `__init__.py`
  mentions its CLI exactly once, as that line (read from the installed source): any
  other spaCy (one that already loads its CLI lazily, or imports more from it) is
  imported as usual;
- the stand-in leaves `sys.modules` as soon as the import statement is over, whatever
  happened, so a later `import spacy.cli` (or `python -m spacy`) loads the real package;
- `spacy.info` stays spaCy's function: the stand-in's `info` imports the real one on its
  first call, puts it in its place and calls it with the same arguments.

Every place in Pinggu that imports spaCy calls this first (the NLP layer's modules);
tests/test_spacy_import.py checks the three points above. The stand-in holds no spaCy
code: it only defers an import.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from pathlib import Path
from typing import Any

_INFO = "spacy.cli.info"
# The one reference to its CLI that spaCy's __init__ may hold for the stand-in to apply.
_CLI_LINE = "from .cli.info import info"
_lock = threading.Lock()


def import_spacy() -> types.ModuleType:
    """The `spacy` module, imported without its CLI when the installed spaCy allows it
    (see the module docstring), else imported as usual."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    with _lock:
        if "spacy" in sys.modules or _INFO in sys.modules or not cli_line_only():
            return importlib.import_module("spacy")
        stand_in = _stand_in()
        sys.modules[_INFO] = stand_in
        try:
            return importlib.import_module("spacy")
        finally:
            if sys.modules.get(_INFO) is stand_in:
                del sys.modules[_INFO]


def cli_line_only(init: Path | None = None) -> bool:
    """Whether spaCy's `__init__.py` (`init`, default the installed one) refers to its
    CLI package only by `from .cli.info import info`."""
    if init is None:
        spec = importlib.util.find_spec("spacy")
        if spec is None or spec.origin is None:
            return False
        init = Path(spec.origin)
    try:
        source = init.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    lines = [line.split("#", 1)[0].strip() for line in source.splitlines()]
    cli = [line for line in lines if ".cli" in line or "spacy.cli" in line]
    return cli == [_CLI_LINE]


def _stand_in() -> types.ModuleType:
    module = types.ModuleType(
        _INFO, "Stand-in while spaCy is imported (extractor.nlp.spacy_import)."
    )

    def info(*args: Any, **kwargs: Any) -> Any:
        """spaCy's `spacy.info`, imported on first call (extractor.nlp.spacy_import)."""
        if sys.modules.get(_INFO) is module:  # called during the import itself
            del sys.modules[_INFO]
        real = importlib.import_module(_INFO).info
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "info", None) is info:
            setattr(spacy, "info", real)  # noqa: B010 - a module attribute
        return real(*args, **kwargs)

    module.info = info  # type: ignore[attr-defined]
    return module
