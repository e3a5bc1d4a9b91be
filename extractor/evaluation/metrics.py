"""The one precision / recall type every evaluation figure is built from.

Pure arithmetic, no I/O: fields, findings and indicator rows all count true positives,
false positives and false negatives the same way, so they share this type and its
conventions (an empty side scores 1.0; F1 of zero precision and recall is 0.0).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def share(right: int, total: int) -> float | None:
    """right / total rounded to 4 places; None when there is nothing to count."""
    return round(right / total, 4) if total else None
