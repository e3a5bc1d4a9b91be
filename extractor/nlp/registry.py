"""The one place that registers Pinggu's spaCy factories and extension attributes.

Nothing registers on import: `register()` is called explicitly by the pipeline builder
(and is idempotent), so importing a module never changes spaCy's global registry behind
the caller's back. Factory names are versioned ("pinggu_figures_v1": spaCy forbids "."
in factory names); a behaviour change gets a new version.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FIGURES_FACTORY = "pinggu_figures_v1"
CONTEXT_FACTORY = "pinggu_figure_context_v1"


def _make_figures(nlp: Any, name: str, units_path: str, regexes_path: str) -> Any:
    from extractor.nlp.components import FigureFinder

    return FigureFinder(Path(units_path), Path(regexes_path))


def _make_context(nlp: Any, name: str, units_path: str, indicators_path: str) -> Any:
    from extractor.nlp.components import FigureContext

    return FigureContext(Path(units_path), Path(indicators_path))


def register() -> None:
    """Register factories and the `Span._.figure` extension (safe to call repeatedly)."""
    from extractor.nlp.spacy_import import import_spacy

    import_spacy()  # without spaCy's CLI, if nothing imported spaCy before
    from spacy.language import Language
    from spacy.tokens import Span

    if not Language.has_factory(FIGURES_FACTORY):
        Language.factory(
            FIGURES_FACTORY,
            default_config={"units_path": None, "regexes_path": None},
            func=_make_figures,
        )
    if not Language.has_factory(CONTEXT_FACTORY):
        Language.factory(
            CONTEXT_FACTORY,
            default_config={"units_path": None, "indicators_path": None},
            func=_make_context,
        )
    if not Span.has_extension("figure"):
        Span.set_extension("figure", default=None)
