"""Page images (.jpg, .png, .tif with one page per frame, .bmp, .webp) read by OCR.

A phone photo or a scanner's TIFF is a report with no text layer at all: every
frame is OCR'd (see :mod:`.ocr`), and every page is recorded as an OCR page.
"""
from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from pathlib import Path

from .. import limits
from ..document import Document
from ..errors import UnreadableInput
from .ocr import apply_ocr, ocr_many


def _open(path: Path, data: bytes):
    """The image and its frame count; too many frames, an oversized frame or a decompression
    bomb is refused from the headers, before any pixel is decoded."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = limits.MAX_PAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            n = getattr(img, "n_frames", 1)
            limits.check_pages(path, "the image has", n, limits.MAX_OCR_PAGES, "frames (pages) to OCR")
            for i in range(n):
                img.seek(i)
                limits.check_pixels(path, *img.size, f"frame {i + 1}" if n > 1 else "the image")
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise UnreadableInput(f"{path}: the image is larger than the limit of {limits.MAX_PAGE_PIXELS:,} "
                              "pixels for one page (see README, Limits)") from None
    except (UnidentifiedImageError, OSError, ValueError, EOFError) as e:
        raise UnreadableInput(f"{path}: not a readable image ({e})") from None
    return img, n


def _frames(path: Path, img, n: int) -> Iterator:
    """Every frame, decoded one at a time as OCR takes it (a copy, so the next seek cannot change it)."""
    for i in range(n):
        try:
            img.seek(i)
            frame = img.copy()
        except (OSError, ValueError, EOFError) as e:
            raise UnreadableInput(f"{path}: frame {i + 1} of the image cannot be read ({e})") from None
        yield frame


def read_image(path: Path, data: bytes, sha: str, *, ocr_workers: int | None = None) -> Document:
    img, n = _open(path, data)
    results = ocr_many(_frames(path, img, n), rendered=False, workers=ocr_workers)
    blank = Document(path=path, format="image", sha256=sha, size=len(data), pages=[""] * n)
    doc = apply_ocr(blank, list(range(1, n + 1)), results)
    if not doc.raw_text.strip():
        raise UnreadableInput(f"{path}: OCR found no text in the image")
    return doc
