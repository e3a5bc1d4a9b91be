"""Hand-written reports outside the generator's templates (see build.py)."""
