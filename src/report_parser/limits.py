"""Every resource limit of report-parser, in one place (the README's "Limits" section lists them).

A commune's report is at most a few hundred pages. A file beyond these limits
is not a report but a mistake or an attack (a zip bomb, a 200-inch page, a
symlink to /dev/zero), and it is refused with exit code 3 and a one-line
reason naming the limit, before it can exhaust the machine's memory or time.
"""
from __future__ import annotations

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

# --- the office's units roster (aggregate --units)
MAX_UNITS_BYTES = 10 * MB           # Viet Nam has about 10,600 communes; their roster is ~1 MB
MAX_UNITS_ROWS = 20_000
MAX_UNITS_CELL_CHARS = 10_000       # one cell of the roster

# --- time
DEFAULT_TIMEOUT = 300.0             # seconds per file, for 'parse-report FILE' and 'batch' alike
STORE_BUSY_SECONDS = 30.0           # waiting for a store another program has locked, per attempt
STORE_RETRIES = 3                   # attempts to store one report before it is listed as not stored


def mb(n: int) -> str:
    """'50 MB' (limits are named in the messages in decimal megabytes)."""
    return f"{n / MB:g} MB"
