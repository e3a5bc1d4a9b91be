"""Faithful rebuild of the seed report (西村街 2024 末期) with its gold answer."""
