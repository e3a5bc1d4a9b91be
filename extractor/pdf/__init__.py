"""The only place that knows PDFs: probing, bounded parsing, pages (docs/architecture.md)."""
