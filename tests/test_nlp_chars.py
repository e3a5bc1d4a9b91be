"""The pipeline's one-pass character tokenizer (extractor/nlp/chars.py) makes the docs
spaCy's character segmenter makes: same words, same spaces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.util import get_words_and_spaces

from extractor.nlp.chars import chars_and_spaces
from extractor.nlp.pipeline import get_pipeline

PIECES = st.sampled_from(["中", "文", "a", "1", ".", "%", " ", "  ", "\t", "\n", "\u3000", "\xa0"])


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=20).map("".join))
def test_chars_and_spaces_is_spacys_alignment(text: str) -> None:
    assert chars_and_spaces(text) == get_words_and_spaces(list(text), text)


def test_pipeline_docs_are_the_character_segmenters() -> None:
    import spacy

    nlp = get_pipeline()
    reference = spacy.blank("zh").tokenizer
    for text in ["", " ", "完成率 96.2% ，服务  120 人次\n合计 ", "\u3000一、项目概况\t3"]:
        ours, theirs = nlp.make_doc(text), reference(text)
        assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs]
        assert ours.text == text
