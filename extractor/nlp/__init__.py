"""NLP layer: figures, qualifiers and indicator mentions in running Chinese text.

Hosted in a blank `zh` spaCy pipeline built from data in models/ (see pipeline.py).
Importing this package builds nothing; the pipeline is built on first use and cached.
"""
