"""Options of a parse as typed values, checked where they enter (API and command line alike)."""
from __future__ import annotations

from enum import Enum

from .errors import UsageError


class OcrMode(str, Enum):
    """When to OCR: pages without a usable text layer (auto), every page (always), or never."""

    auto = "auto"
    always = "always"
    never = "never"

    @classmethod
    def of(cls, value: "OcrMode | str") -> "OcrMode":
        """``value`` as an OcrMode; a misspelt mode (``"nevr"``) is a UsageError, never a silent "auto"."""
        if isinstance(value, cls):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise UsageError(f"ocr={value!r}: must be one of {', '.join(m.value for m in cls)}") from None


def ocr_workers_of(value: int | None) -> int | None:
    """How many Tesseract processes one document may run at once; None: decide from the machine."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise UsageError(f"ocr_workers={value!r}: must be a whole number of at least 1")
    return value
