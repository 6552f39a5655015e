"""Every resource limit of report-parser, in one place (the README's "Limits" section lists them).

A commune's report is at most a few hundred pages. A file beyond these limits
is not a report but a mistake or an attack (a zip bomb, a 200-inch page, a
symlink to /dev/zero), and it is refused with exit code 3 and a one-line
reason naming the limit, before it can exhaust the machine's memory or time.
"""
from __future__ import annotations

import resource
import stat
from pathlib import Path

from .errors import UnreadableInput

MB = 1_000_000

# --- any input file
MAX_INPUT_BYTES = 200 * MB          # the file itself (a scanned PDF of a few hundred pages is ~100 MB)
MAX_PAGES = 1000                    # pages of a PDF (or of the text of any file)
MAX_TEXT_CHARS = 8 * MB             # characters of text after reading (a 300-page report has ~1.5 M)

# --- OCR
MAX_OCR_PAGES = 200                 # pages (or image frames) that need OCR in one file
MAX_PAGE_PIXELS = 60 * MB           # pixels of one page image to OCR (A4 at 300 dpi is 8.7 M; A1 is 70 M)

# --- Word files (.docx, and .doc/.odt/.rtf once converted)
MAX_DOCX_XML_BYTES = 50 * MB        # decompressed XML parts (the text, tables and styles)
MAX_DOCX_UNPACKED_BYTES = 300 * MB  # all parts decompressed, pictures included

# --- a batch's memory
BATCH_HELD_OUTCOMES = 200           # parsed files a batch holds until an earlier, slower file is done (~0.2 MB each)

# --- the office's units roster (aggregate --units)
MAX_UNITS_BYTES = 10 * MB           # Viet Nam has about 10,600 communes; their roster is ~1 MB
MAX_UNITS_ROWS = 20_000
MAX_UNITS_CELL_CHARS = 10_000       # one cell of the roster

# --- time
DEFAULT_TIMEOUT = 300.0             # seconds per file, for 'parse-report FILE' and 'batch' alike
STORE_BUSY_SECONDS = 30.0           # waiting for a store another program has locked, per attempt
STORE_RETRIES = 3                   # attempts to store one report before it is listed as not stored


# --------------------------------------------------------------------------- the checks

def over(path, what: str, value: int, limit: int, unit: str) -> UnreadableInput:
    """'x.pdf: the PDF has 2,000 pages, over the limit of 1,000 pages (see README, Limits)'."""
    return UnreadableInput(f"{path}: {what} {value:,} {unit}, over the limit of {limit:,} {unit} "
                           "(see README, Limits)")


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, or a one-line UnreadableInput.

    Devices (a symlink to /dev/zero), FIFOs and sockets are refused before they are
    opened: reading one never ends or blocks forever.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        raise UnreadableInput(f"{path}: no such file") from None
    except OSError as e:
        raise UnreadableInput(f"{path}: cannot be read ({e.strerror or e})") from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableInput(f"{path}: is a directory, not a report file")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableInput(f"{path}: not a regular file (a device, pipe or socket); only regular files are read")
    if st.st_size > max_bytes:
        raise over(path, "the file has", st.st_size, max_bytes, "bytes")
    try:
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise UnreadableInput(f"{path}: cannot be read ({e.strerror or e})") from None
    if len(data) > max_bytes:  # it grew while we looked
        raise over(path, "the file has more than", max_bytes, max_bytes, "bytes")
    return data


def check_pages(path, what: str, pages: int, limit: int = MAX_PAGES, unit: str = "pages") -> None:
    if pages > limit:
        raise over(path, what, pages, limit, unit)


def check_text(path, chars: int) -> None:
    if chars > MAX_TEXT_CHARS:
        raise over(path, "the text has", chars, MAX_TEXT_CHARS, "characters")


def check_pixels(path, width: float, height: float, where: str = "the image") -> None:
    """A page image of ``width`` x ``height`` pixels is small enough to OCR."""
    if width * height > MAX_PAGE_PIXELS:
        raise UnreadableInput(f"{path}: {where} is {width:,.0f} x {height:,.0f} pixels, over the limit of "
                              f"{MAX_PAGE_PIXELS:,} pixels for one page (see README, Limits)")


def check_unpacked(path, xml_bytes: int, all_bytes: int) -> None:
    """The parts of a Word package, decompressed, are small enough (a zip bomb is not)."""
    if xml_bytes > MAX_DOCX_XML_BYTES:
        raise over(path, "the Word file's XML unpacks to", xml_bytes, MAX_DOCX_XML_BYTES, "bytes")
    if all_bytes > MAX_DOCX_UNPACKED_BYTES:
        raise over(path, "the Word file unpacks to", all_bytes, MAX_DOCX_UNPACKED_BYTES, "bytes")


def memory_note() -> str:
    """The memory limit of this process, for the one-line message of a MemoryError."""
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return "the machine's memory ran out"
    return f"the memory limit of {soft / 1024 ** 3:.1f} GB (ulimit -v) was reached"
