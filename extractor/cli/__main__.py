"""`python -m extractor.cli`: the same as the `pinggu` script."""

from extractor.cli import main

main()
