"""The corpus's held-back splits: the one list of their folder names.

A held-back split is a folder of layout families written to measure how the extractor
generalises, looked at last: `pinggu evaluate` and `pinggu bench` leave these folders out
unless asked (`--include-validation`, or the folder named on the command line), and the
corpus tooling (`corpora/`, `tests/`) reads the same list. Adding a split is adding its
name here (and, until its first run is recorded, to `corpora.conventions.NOT_YET_RUN`).
"""

from __future__ import annotations

# In the order they were made: the first validation split, the second made after the
# first had been looked at (issue 8), the third (`unseen`), the fourth (`blind`), the
# fifth (`sealed`), the sixth (`reserve`), the seventh (`vault`), the eighth (`closed`), the
# ninth (`withheld`, made after `closed` had been looked at), the tenth (`embargoed`,
# made after `withheld` had been looked at), the eleventh (`sequestered`, made while
# `embargoed` was being looked at), the twelfth (`locked`, made while `sequestered` was
# being looked at), the thirteenth (`shuttered`, made after `locked` had been looked
# at), the fourteenth (`bolted`, made after `shuttered` had been looked at), the
# fifteenth (`latched`, made while `bolted` was being looked at), the sixteenth
# (`barred`, made after `latched` had been looked at), the seventeenth (`fenced`,
# made while `barred` was being looked at), the eighteenth (`moated`, made while
# `fenced` was being looked at), the nineteenth (`gated`, made while `moated` was
# being looked at) and the twentieth (`walled`, made after `gated` had been looked at),
# each made after the one before had been looked at.
HELD_BACK_SPLITS: tuple[str, ...] = (
    "validation",
    "heldout",
    "unseen",
    "blind",
    "sealed",
    "reserve",
    "vault",
    "closed",
    "withheld",
    "embargoed",
    "sequestered",
    "locked",
    "shuttered",
    "bolted",
    "latched",
    "barred",
    "fenced",
    "moated",
    "gated",
    "walled",
)


def held_back(parts: tuple[str, ...] | list[str]) -> bool:
    """Whether a path (given as its parts below the corpus) lies in a held-back split."""
    return any(part in HELD_BACK_SPLITS for part in parts)


def listed(names: tuple[str, ...] = HELD_BACK_SPLITS) -> str:
    """The folders for help text: validation/, heldout/, … gated/ and walled/."""
    folders = [f"{n}/" for n in names]
    return ", ".join(folders[:-1]) + f" and {folders[-1]}" if len(folders) > 1 else folders[0]
