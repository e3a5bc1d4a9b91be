"""The HTML audit report: each finding circled on its page image, the recomputation beside it."""

from extractor.audit.html import write_audit

__all__ = ["write_audit"]
