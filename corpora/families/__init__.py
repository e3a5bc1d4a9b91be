"""Report families written like real ones: python-docx documents in several evaluators'
templates, exported to PDF by LibreOffice, with gold written from the same facts.
See corpora/README.md (Families) and EVALUATION.md."""
