"""The only place that knows PDFs: probing, bounded parsing, pages (see design §3)."""
