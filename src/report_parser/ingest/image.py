"""Page images (.jpg, .png, .tif with one page per frame, .bmp, .webp) read by OCR.

A phone photo or a scanner's TIFF is a report with no text layer at all: every
frame is OCR'd (see :mod:`.ocr`), and every page is recorded as an OCR page.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from ..document import Document
from ..errors import UnreadableInput
from .ocr import apply_ocr, ocr_many

MAX_PAGES = 500  # a multi-page TIFF larger than this is not a report


def _frames(img) -> Iterator:
    """Every frame of a (multi-page) image, each a copy so the file can be closed afterwards."""
    for i in range(min(getattr(img, "n_frames", 1), MAX_PAGES)):
        img.seek(i)
        yield img.copy()


def read_image(path: Path, data: bytes, sha: str, *, ocr_workers: int | None = None) -> Document:
    from PIL import Image, UnidentifiedImageError

    try:
        img = Image.open(io.BytesIO(data))
        frames = list(_frames(img))
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise UnreadableInput(f"{path}: not a readable image ({e})") from None
    results = ocr_many(frames, rendered=False, workers=ocr_workers)
    blank = Document(path=path, format="image", sha256=sha, size=len(data), pages=[""] * len(frames))
    doc = apply_ocr(blank, list(range(1, len(frames) + 1)), results)
    if not doc.raw_text.strip():
        raise UnreadableInput(f"{path}: OCR found no text in the image")
    return doc
