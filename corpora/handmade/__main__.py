"""Build the hand-written reports and their gold: `python -m corpora.handmade`."""

from __future__ import annotations

from corpora.handmade.build import main

if __name__ == "__main__":
    main()
