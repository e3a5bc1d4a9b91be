"""Text from a PDF made safe to put into Markdown output.

A PDF's text is untrusted: `<script>` or `[link](javascript:…)` printed in a report must
reach a Markdown viewer as the characters it shows, never as markup, and a control
character must not reach a terminal that pages the output.
"""

from __future__ import annotations

import re

from extractor.errors import printable

# Inline Markdown syntax (emphasis, code, links, images, raw HTML, table pipes) and the
# backslash that escapes it. `&` so that an entity printed in the PDF stays literal.
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Line starts that would open a heading, quote, list or rule, or an ordered list.
_BLOCK_START = re.compile(r"^(\s*)(>|[#+\-=](?=\s|$))")
_ORDERED_START = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")


def md_text(text: str) -> str:
    """`text` as literal inline Markdown on one line."""
    text = printable(" ".join(text.split("\n")))
    text = "".join(_HTML.get(ch, ch) for ch in text)
    text = _INLINE.sub(r"\\\1", text)
    text = _BLOCK_START.sub(r"\1\\\2", text)
    return _ORDERED_START.sub(r"\1\\\2", text)


def md_code(text: str) -> str:
    """`text` as an inline code span on one line: identifiers and technical detail. A
    fence longer than any run of backticks inside; pipes escaped, as tables need."""
    text = printable(" ".join(text.split("\n"))).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
