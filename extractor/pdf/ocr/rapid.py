"""RapidOCR (PP-OCR detection + recognition on onnxruntime) as an OCR engine.

The `rapidocr` wheel carries its Chinese models, so nothing is fetched at run time (see
pyproject). Settings that measured best on the corpus scans: the page at its native
resolution (recognition always, detection up to 2400 px on the long side), the angle
classifier off (pages are upright once straightened), one box per character (cells are
assigned by box), every line kept whatever its score (the score travels with the text
instead), and two onnxruntime threads.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from PIL import Image

from extractor.errors import MissingDependencyError
from extractor.pdf.ocr import rapidocr_installed
from extractor.pdf.ocr.lines import OcrChar, OcrLine

MAX_SIDE = 4000  # px: a 300-dpi A3 page still goes in unscaled
# Detection runs on the page scaled down to this long side when larger (a 200-dpi A4 page
# is 2339 px: native): at 300 dpi the detector's activations need over 2 GB of address
# space, and finding text lines needs no more pixels. Recognition reads each line cut from
# the full-resolution page.
DET_MAX_SIDE = 2400


def _params(threads: int) -> dict[str, Any]:
    return {
        "Global.use_cls": False,
        "Global.return_word_box": True,
        "Global.return_single_char_box": True,
        "Global.text_score": 0.0,
        "Global.max_side_len": MAX_SIDE,
        "Det.limit_type": "max",
        "Det.limit_side_len": DET_MAX_SIDE,
        "Global.log_level": "error",
        "EngineConfig.onnxruntime.intra_op_num_threads": threads,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    }


class RapidEngine:
    """Loads the models on first use (a few seconds), then reads one page per call."""

    name = "rapidocr"
    min_dpi = 0.0  # native resolution measured best, even for 100-dpi scans

    def __init__(self, threads: int = 2) -> None:
        self.threads = threads
        self._ocr: Any = None

    @staticmethod
    def available() -> bool:
        """Whether the OCR extra is installed (`ocr.rapidocr_installed`)."""
        return rapidocr_installed()

    def _engine(self) -> Any:
        if self._ocr is None:
            try:
                from rapidocr import RapidOCR
            except ImportError as exc:
                raise MissingDependencyError("OCR with RapidOCR", "ocr", str(exc)) from exc
            self._ocr = RapidOCR(params=_params(self.threads))
            logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        return self._ocr

    def version(self) -> str:
        """The package version; raises MissingDependencyError without the `ocr` extra."""
        from importlib.metadata import version

        if not self.available():
            raise MissingDependencyError("OCR with RapidOCR", "ocr", "rapidocr/onnxruntime")
        return f"rapidocr {version('rapidocr')}"

    def read(self, image: Image.Image) -> list[OcrLine]:
        """The recognised lines of one greyscale page image."""
        result = self._engine()(np.asarray(image.convert("RGB")))
        if result is None or getattr(result, "txts", None) is None:
            return []
        return to_lines(result.boxes, result.txts, result.scores, result.word_results)


def to_lines(boxes: Any, txts: Any, scores: Any, words: Any) -> list[OcrLine]:
    """RapidOCR's output as lines of characters. Each line's characters come with their
    own boxes and scores when RapidOCR gave them for that line (it leaves out lines it
    could not box, so the two lists are matched by text), else the line's box is shared
    out evenly and every character gets the line's score."""
    lines: list[OcrLine] = []
    pending = list(words or ())
    for box, txt, score in zip(boxes, txts, scores, strict=True):
        quad = np.asarray(box, dtype=float)
        top, bottom = float(quad[:, 1].min()), float(quad[:, 1].max())
        left, right = float(quad[:, 0].min()), float(quad[:, 0].max())
        text = "".join(ch for ch in str(txt) if not ch.isspace())
        if not text:
            continue
        line = OcrLine(top, bottom)
        match = pending[0] if pending else None
        if match and "".join(str(w[0]) for w in match) == text:
            pending.pop(0)
            for ch, conf, cbox in match:
                xs = [float(p[0]) for p in cbox]
                line.chars.append(OcrChar(str(ch), min(xs), max(xs), float(conf)))
        else:
            step = (right - left) / len(text)
            for k, ch in enumerate(text):
                line.chars.append(OcrChar(ch, left + k * step, left + (k + 1) * step, float(score)))
        lines.append(line)
    return lines
