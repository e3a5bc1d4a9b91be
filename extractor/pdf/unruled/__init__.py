"""Three-line tables: a rule above the header, one under it, one under the last row and
no vertical rules (Word's default "three-line" style).

With no vertical edges, the grid has to come from the text. Columns come from how the
body values line up (body rows are dense, headers are not); rows come from the body's
printed lines, with wrapped lines of a vertically centred multi-line cell attached to the
row they belong to; header cells get their columns by the way Word centres a group label
over the columns it spans. The result is cell rectangles on one consistent grid, so that
`document.tables.to_table` infers spans and header paths as it does for ruled tables.

Pure Python over the page's glyphs: no pdfplumber page parsing. The steps, each a module
named for what it produces: `tokens` (printed lines of tokens), `bands` (regions between
rules → header and body bands → tables), `columns` (column boundaries), `header` (header
cells and their levels), `rows` (body rows and their cells), `grid` (one table's cells,
and `find_unruled` over a page). Every tolerance is a named field of `UnruledSettings`.
"""

from extractor.pdf.unruled.grid import UnruledTable, find_unruled
from extractor.pdf.unruled.settings import UnruledSettings

__all__ = ["UnruledSettings", "UnruledTable", "find_unruled"]
