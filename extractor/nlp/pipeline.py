"""Build the blank-`zh` spaCy pipeline that finds figures; nothing is downloaded.

Pipe order: `span_ruler` (phrase lists from models/patterns/*.jsonl → doc.spans
["pinggu_phrases"]), `pinggu_figures_v1` (regex figures → doc.spans["figures"]),
`pinggu_figure_context_v1` (qualifiers, indicators, 分别 pairing).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.knowledge import models_dir
from extractor.knowledge.nlp import (
    MARKER_LABELS,
    MENTION_LABELS,
    load_indicators,
    load_span_patterns,
)
from extractor.nlp import registry
from extractor.nlp.chars import CharTokenizer
from extractor.nlp.components import PHRASES_KEY
from extractor.nlp.spacy_import import import_spacy

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class NlpOptions:
    """Where the NLP layer's data lives; defaults are the repository's models/ files."""

    models: Path | None = None

    def path(self, *parts: str) -> Path:
        return (self.models or models_dir()).joinpath(*parts)


def _is_marker_id(pid: str | None) -> bool:
    """Marker ids say on which side of the figure they stand: "before", "after", or
    "after:以上" when a token pattern's guard token must not become part of the qualifier."""
    return pid is not None and pid.partition(":")[0] in ("before", "after")


def build_pipeline(options: NlpOptions | None = None) -> Language:
    """A fresh pipeline; patterns and vocabularies are validated while it is built."""
    spacy = import_spacy()  # without spaCy's CLI (spacy_import.py)
    from spacy.pipeline import SpanRuler

    opts = options or NlpOptions()
    registry.register()
    units = str(opts.path("vocab", "units.yaml"))
    indicators_path = opts.path("vocab", "indicators.yaml")
    vocab = load_indicators(indicators_path)
    markers = load_span_patterns(
        opts.path("patterns", "markers.jsonl"),
        MARKER_LABELS,
        ids=dict.fromkeys(MARKER_LABELS, _is_marker_id),
    )
    mention_ids, measures = vocab.mention_ids(), vocab.measures
    mentions = load_span_patterns(
        opts.path("patterns", "indicator_mentions.jsonl"),
        MENTION_LABELS,
        ids={"INDICATOR": mention_ids.__contains__, "MEASURE": measures.__contains__},
    )
    nlp: Language = spacy.blank("zh")  # character segmenter: no model, no download
    nlp.tokenizer = CharTokenizer(nlp.vocab)  # its docs, made without re-aligning (chars.py)
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": PHRASES_KEY, "validate": False})
    assert isinstance(ruler, SpanRuler)
    ruler.add_patterns([p.as_spacy() for p in (*markers, *mentions)])
    nlp.add_pipe(
        registry.FIGURES_FACTORY,
        config={
            "units_path": units,
            "regexes_path": str(opts.path("patterns", "figure_regexes.yaml")),
        },
    )
    nlp.add_pipe(
        registry.CONTEXT_FACTORY,
        config={"units_path": units, "indicators_path": str(indicators_path)},
    )
    return nlp


def get_pipeline(options: NlpOptions | None = None) -> Language:
    """The shared pipeline, built once per options value (`None` is the defaults: the
    same pipeline however it is asked for, so a warmed parent's serves every caller)."""
    return _cached_pipeline(options or NlpOptions())


@functools.lru_cache(maxsize=4)
def _cached_pipeline(options: NlpOptions) -> Language:
    return build_pipeline(options)
