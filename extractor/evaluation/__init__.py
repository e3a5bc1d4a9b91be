"""Extraction and checker output measured against gold: the one home of evaluation."""
