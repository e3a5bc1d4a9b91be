"""The blank `zh` pipeline's tokenizer, one token per character, made in one pass.

spaCy's `ChineseTokenizer` (character segmenter) splits the text into its characters and
then aligns them with the text again (`util.get_words_and_spaces`), slicing the rest of
the text once per character: quadratic in the text's length, most of the cost of making a
doc of a long paragraph. The characters are the text's own, so the alignment is known
without searching: the same words and spaces, hence the same `Doc`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


def chars_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """`get_words_and_spaces(list(text), text)`: each non-whitespace character a word,
    followed by a space when one U+0020 comes next (taken with it); any other whitespace
    run a word of its own."""
    words: list[str] = []
    spaces: list[bool] = []
    i, n = 0, len(text)
    while i < n:
        j = i
        while j < n and text[j].isspace():
            j += 1
        if j > i:
            words.append(text[i:j])
            spaces.append(False)
            if j == n:
                break
        words.append(text[j])
        i = j + 1
        follows = i < n and text[i] == " "
        spaces.append(follows)
        if follows:
            i += 1
    return words, spaces


class CharTokenizer:
    """A drop-in for the character segmenter's tokenizer (`chars_and_spaces`); built
    by `pipeline.build_pipeline`, once spaCy is imported."""

    def __init__(self, vocab: Vocab) -> None:
        from spacy.tokens import Doc

        self.vocab = vocab
        self._doc = Doc

    def __call__(self, text: str) -> Doc:
        words, spaces = chars_and_spaces(text)
        return self._doc(self.vocab, words=words, spaces=spaces)
