"""The declarative domain knowledge kept in models/, loaded one way and validated at load.

Everything a domain expert may edit without touching code (section wordings, numbering
styles, profiles, patterns, vocabularies) is read through `loader.load` into a pydantic
model, once, and handed out typed; a bad file raises one `ModelDataError` (exit 78)
listing every problem. `models_dir` alone decides where models/ is. Where a new kind of
file goes: a model here (`Data` subclass), a cached accessor, and a test that the
shipped file loads.
"""

from extractor.knowledge.columns import BrowserDoc, ColumnDictionary, browser_doc, column_dictionary
from extractor.knowledge.loader import load, models_dir
from extractor.knowledge.patterns import (
    ListPatterns,
    MetaPatterns,
    StaffingPatterns,
    list_patterns,
    meta_patterns,
    staffing_patterns,
)
from extractor.knowledge.profiles import DEFAULT_PROFILE, Profile, profile
from extractor.knowledge.sections import SectionVocab, section_vocab
from extractor.knowledge.vocab import (
    MeasureWords,
    ScopeVocab,
    Taxonomy,
    indicator_names,
    measure_words,
    scope_vocab,
    taxonomy,
)

__all__ = [
    "DEFAULT_PROFILE",
    "BrowserDoc",
    "ColumnDictionary",
    "ListPatterns",
    "MeasureWords",
    "MetaPatterns",
    "Profile",
    "ScopeVocab",
    "SectionVocab",
    "StaffingPatterns",
    "Taxonomy",
    "browser_doc",
    "column_dictionary",
    "indicator_names",
    "list_patterns",
    "load",
    "measure_words",
    "meta_patterns",
    "models_dir",
    "profile",
    "scope_vocab",
    "section_vocab",
    "staffing_patterns",
    "taxonomy",
]
