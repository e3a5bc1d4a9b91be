"""Build the seed PDF and its gold: `python -m corpora.seed`."""

from __future__ import annotations

from corpora.seed.build import main

if __name__ == "__main__":
    main()
