"""Readers: one small module per input format, each returning one :class:`Document`.

``read(path)`` picks the reader from the file's content (magic bytes) and,
failing that, its suffix; anything it cannot read raises
:class:`~report_parser.errors.UnreadableInput` with a one-line reason.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .. import limits
from ..document import Document
from ..errors import UnreadableInput, UsageError
from ..options import OcrMode

SUPPORTED = {".txt", ".text", ".md", ".pdf", ".docx", ".doc", ".odt", ".rtf",
             ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"}


def file_info(path: Path) -> tuple[bytes, str]:
    """The bytes of a regular file within ``limits.MAX_INPUT_BYTES`` and their sha256."""
    data = limits.read_regular(path, limits.MAX_INPUT_BYTES)
    if not data.strip():
        raise UnreadableInput(f"{path}: the file is empty")
    return data, hashlib.sha256(data).hexdigest()


_MISLABELLED = {
    ".pdf": "not a PDF file (no %PDF header); the file is corrupt or mislabelled",
    ".docx": "not a Word .docx file (not a ZIP package); corrupt or mislabelled",
}


def sniff(path: Path, data: bytes) -> str:
    """The format of a file: pdf | docx | odt | doc | rtf | image | txt."""
    suffix = path.suffix.lower()
    fmt = _by_content(path, data, suffix)
    if fmt is not None:
        return fmt
    if suffix in _MISLABELLED:
        raise UnreadableInput(f"{path}: {_MISLABELLED[suffix]}")
    if suffix in IMAGE_SUFFIXES:
        raise UnreadableInput(f"{path}: not a readable image (unknown header)")
    if suffix in (".txt", ".text", ".md", "") or _looks_textual(data):
        return "txt"
    raise UnreadableInput(f"{path}: unsupported file type '{suffix or '?'}' "
                          f"(supported: PDF, DOCX, DOC, ODT, TXT, JPG/PNG/TIFF)")


def _by_content(path: Path, data: bytes, suffix: str) -> str | None:
    """The format the first bytes say (the suffix settles a ZIP's kind and two image kinds)."""
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path, data, suffix)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return "image" if _is_image(head, suffix) else None


def _zip_kind(path: Path, data: bytes, suffix: str) -> str:
    if b"word/" in data[:65536] or suffix == ".docx":
        return "docx"
    if b"opendocument.text" in data[:4096] or suffix == ".odt":
        return "odt"
    raise UnreadableInput(f"{path}: a ZIP archive that is not a Word (.docx) or OpenDocument file")


def _is_image(head: bytes, suffix: str) -> bool:
    return (head[:3] == b"\xff\xd8\xff" or head.startswith(b"\x89PNG") or head[:4] in (b"II*\x00", b"MM\x00*")
            or (head[:2] == b"BM" and suffix == ".bmp") or (head[:4] == b"RIFF" and suffix == ".webp"))


def _looks_textual(data: bytes) -> bool:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    return b"\x00" not in sample


def read(path: str | Path, *, ocr: OcrMode | str = OcrMode.auto, ocr_workers: int | None = None) -> Document:
    """Read any supported file into a Document (not yet repaired), within the limits of :mod:`..limits`.

    ``ocr`` applies to PDFs and images; ``ocr_workers`` is how many Tesseract
    processes may run at once for this document (None: the CPUs this process may use).
    """
    ocr = OcrMode.of(ocr)
    path = Path(path)
    data, sha = file_info(path)
    doc = _read(path, data, sha, sniff(path, data), ocr, ocr_workers)
    limits.check_pages(path, "the text has", doc.page_count)
    limits.check_text(path, sum(map(len, doc.pages)))
    return doc


def _read(path: Path, data: bytes, sha: str, fmt: str, ocr: OcrMode, ocr_workers: int | None) -> Document:
    if fmt == "txt":
        from .txt import read_txt
        return read_txt(path, data, sha)
    if fmt == "pdf":
        from .pdf import read_pdf
        return read_pdf(path, data, sha, ocr=ocr, ocr_workers=ocr_workers)
    if fmt == "docx":
        from .docx import read_docx
        return read_docx(path, data, sha)
    if fmt in ("doc", "odt", "rtf"):
        try:
            from .office import read_office
        except ImportError:
            raise UnreadableInput(f"{path}: .{fmt} files are not supported yet; save it as .docx") from None
        return read_office(path, data, sha, fmt)
    if fmt == "image":
        if ocr is OcrMode.never:
            raise UsageError(f"{path}: an image has no text layer and can only be read by OCR, "
                             "which --ocr never turned off")
        try:
            from .image import read_image
        except ImportError:
            raise UnreadableInput(f"{path}: image input needs the OCR reader, not installed") from None
        return read_image(path, data, sha, ocr_workers=ocr_workers)
    raise UnreadableInput(f"{path}: unsupported format {fmt}")
