"""OCR with Tesseract for pages whose text layer cannot be trusted.

A page goes to OCR when its text layer is missing, holds too little text while
a picture covers the page (a scan with only a signature stamp's text), or is
implausible Vietnamese: a scanner's own OCR layer ("UY BAN NHAN DAN ... Dc Ip")
that drops diacritics or makes non-words (``corpus/real/07_*``, ``08_*``).
Vietnamese words nearly all carry a mark, so a layer where few syllables do, or
where many tokens are no syllable at all, was not typed by a person.

Pages are rendered by pypdfium2 at 300 dpi in the calling thread (pdfium is not
thread-safe), cleaned of scanner specks with a 3x3 median filter, and read by
the ``tesseract`` CLI with the ``vie`` model, one single-threaded process per
page (``OMP_THREAD_LIMIT=1``), as many at a time as the worker budget allows
(the caller's ``workers``, else ``REPORT_PARSER_OCR_WORKERS``, else the CPUs
this process may use; a batch passes its share of the cores). Word boxes are laid out
again by :mod:`.ocr_layout`.
"""
from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

import regex

from .. import limits
from ..document import Document
from ..errors import MissingTool, UnreadableInput
from ..vietnamese import has_tone_or_mark, is_syllable
from . import ocr_layout

DPI = 300
LANG = "vie"
ENV_WORKERS = "REPORT_PARSER_OCR_WORKERS"
TESSERACT_TIMEOUT = 300  # seconds for one page; a hung process must not hang a batch
# text-layer plausibility (born-digital Vietnamese: >= 0.9 syllables, >= 0.8 of them marked;
# the broken scanner layers of corpus/real/07 and 08: ~0.6 syllables, 0.01-0.45 marked)
MIN_TOKENS = 30
MIN_SYLLABLE_RATE = 0.8
MIN_MARKED_RATE = 0.5
MIN_IMAGE_COVER = 0.5  # a picture over half the page, with little text: a scan
UPSCALE_BELOW_WIDTH = 1500  # narrower images (web/phone captures) are read at twice the size
LOW_CONFIDENCE = 60.0
RECHECK_BELOW = 85.0  # a word with a digit read with less confidence is read again alone
MAX_RECHECKS = 40  # per page, so a page of smudged figures costs seconds, not minutes
INSTALL_HINT = ("install the Debian packages tesseract-ocr and tesseract-ocr-vie "
                "(apt-get install tesseract-ocr tesseract-ocr-vie)")
_WORD = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class PageOcr:
    text: str
    confidence: float  # mean word confidence, 0-100
    # the words read, as (text, left, top, width, height) in pixels of an image of ``size``
    # (the review page draws its marks with them; the layout reorders the text, not these)
    words: tuple = ()
    size: tuple[int, int] = (0, 0)


def layer_is_plausible(text: str, words: list[str] | None = None) -> bool:
    """True when a page's text layer reads as Vietnamese typed by a person (``words``: its
    words, when the caller has them already); each distinct word is judged once."""
    words = _WORD.findall(text) if words is None else words
    if len(words) < MIN_TOKENS:
        return True  # too few words to judge; the caller checks for "too little text"
    syllables = marked = 0
    for word, n in Counter(words).items():
        syllable, mark = _judged(word)
        if syllable:
            syllables += n
            marked += n if mark else 0
    return syllables / len(words) >= MIN_SYLLABLE_RATE and marked / max(1, syllables) >= MIN_MARKED_RATE


@functools.lru_cache(maxsize=65536)  # every page's words are judged: the same words again and again
def _judged(word: str) -> tuple[bool, bool]:
    """Whether the word is a syllable, and whether it is one with a tone or a vowel mark."""
    syllable = is_syllable(word)
    return syllable, syllable and has_tone_or_mark(word)


def needs_ocr(text: str, image_cover: float) -> bool:
    """Decide for one page: no text, too little text on a scanned page, or an implausible layer."""
    words = _WORD.findall(text)
    if len(words) < MIN_TOKENS:
        return image_cover >= MIN_IMAGE_COVER
    return not layer_is_plausible(text, words)


def ocr_workers(requested: int | None = None) -> int:
    """How many Tesseract processes may run at once for one document: ``requested`` when
    given (a batch passes its share of the cores), else the environment's budget, else
    the CPUs this process may use."""
    if requested:
        return requested
    env = os.environ.get(ENV_WORKERS, "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@functools.lru_cache(maxsize=1)
def _languages(exe: str) -> frozenset[str]:
    r = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60)
    return frozenset(line.strip() for line in (r.stdout + r.stderr).splitlines()[1:])


def require_tesseract() -> str:
    """Path of the ``tesseract`` executable with the Vietnamese model, or MissingTool."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise MissingTool(f"this file needs OCR but Tesseract is not installed; {INSTALL_HINT}")
    if LANG not in _languages(exe):
        raise MissingTool(f"Tesseract has no Vietnamese model ('{LANG}'); {INSTALL_HINT}")
    return exe


def prepare(img, *, rendered: bool):
    """Greyscale, small captures enlarged, specks removed, turned level: what Tesseract reads
    best, and what the table rules are found in (see :mod:`.ocr_tables`).

    A 3x3 median filter removes the salt-and-pepper noise of office scanners
    (it turns "Đăng:" back into "Đảng," on the sample scan) without thinning
    strokes at 300 dpi; a narrow photo or web image is enlarged first so the
    filter does not eat its diacritics.
    """
    from PIL import Image, ImageOps

    from . import ocr_tables  # numpy: imported for pages that are OCR'd, not for every PDF

    img = ImageOps.exif_transpose(img) if not rendered else img
    img = img.convert("L")
    if not rendered and img.width < UPSCALE_BELOW_WIDTH:
        img = img.resize((img.width * 2, img.height * 2), Image.LANCZOS)
    return ocr_tables.deskew(ocr_tables.median3(img))


def _run(cmd: list[str], img) -> str:
    """Run Tesseract on a greyscale image given on stdin; its stdout as text."""
    buf = io.BytesIO()
    img.save(buf, "PPM")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        r = subprocess.run(cmd, input=buf.getvalue(), capture_output=True, timeout=TESSERACT_TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        raise UnreadableInput(f"OCR of a page took longer than {TESSERACT_TIMEOUT} s") from None
    if r.returncode != 0:
        msg = r.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UnreadableInput(f"Tesseract failed: {msg[-1] if msg else r.returncode}")
    return r.stdout.decode("utf-8", "replace")


def _read_page(img, exe: str, dpi: int | None) -> PageOcr:
    cmd = [exe, "stdin", "stdout", "-l", LANG, "--psm", "3"] + (["--dpi", str(dpi)] if dpi else [])
    lines, width = ocr_layout.parse_tsv(_run(cmd + ["tsv"], img))
    _recheck_numbers(lines, img, exe, dpi)
    from . import ocr_tables

    text = ocr_layout.layout(lines, width or img.width, ocr_tables.find_grids(img))
    words = tuple((w.text, w.left, w.top, w.width, w.height) for ws in lines for w in ws)
    return PageOcr(text, ocr_layout.confidence(lines), words, img.size)


def _recheck_numbers(lines: list[list[ocr_layout.Word]], img, exe: str, dpi: int | None) -> None:
    """Read again, alone, the symbols and dates the page reading was unsure of.

    A word read on its own line is read better: the sample scan's "50/KH-UBND",
    read "90/KH-UBND" at 76 % within the page, comes out right at 91 % alone. The
    second reading is taken when it is surer and changes digits only (a re-read
    may also add a letter: "06/QĐĐ-UBND").
    """
    unsure = [w for ws in lines for w in ws if w.conf < RECHECK_BELOW and "/" in w.text
              and any(c.isdigit() for c in w.text)]
    cmd = [exe, "stdin", "stdout", "-l", LANG, "--psm", "7"] + (["--dpi", str(dpi)] if dpi else [])
    for w in unsure[:MAX_RECHECKS]:
        pad = max(4, w.height // 5)
        crop = img.crop((w.left - pad, w.top - pad, w.right + pad, w.top + w.height + pad))
        again = [x for ws in ocr_layout.parse_tsv(_run(cmd + ["tsv"], crop))[0] for x in ws]
        if len(again) == 1 and again[0].conf > w.conf and _only_digits_differ(w.text, again[0].text):
            w.text, w.conf = again[0].text, again[0].conf


def _only_digits_differ(old: str, new: str) -> bool:
    """Same length, and wherever the readings differ the new one has a digit ("90/KH" -> "50/KH")."""
    return len(old) == len(new) and all(a == b or b.isdigit() for a, b in zip(old, new))


def _rotation(img, exe: str, dpi: int | None) -> int:
    """Degrees (0, 90, 180, 270) Tesseract's orientation detection would turn the page by."""
    cmd = [exe, "stdin", "stdout", "--psm", "0"] + (["--dpi", str(dpi)] if dpi else [])
    try:
        out = _run(cmd, img)
    except UnreadableInput:  # too little text to tell
        return 0
    m = regex.search(r"^Rotate:\s*(\d+)", out, regex.M)
    return int(m.group(1)) % 360 if m else 0


def ocr_image(img, exe: str, *, dpi: int | None = None) -> PageOcr:
    """OCR one prepared greyscale page image; a page read poorly is tried again turned upright
    (a sheet scanned sideways or upside down)."""
    result = _read_page(img, exe, dpi)
    if result.confidence < LOW_CONFIDENCE:
        angle = _rotation(img, exe, dpi)
        if angle:
            turned = _read_page(img.rotate(-angle, expand=True), exe, dpi)
            if turned.confidence > result.confidence:
                return turned
    return result


def ocr_many(images: Iterable, *, rendered: bool, dpi: int | None = None,
             workers: int | None = None) -> list[PageOcr]:
    """OCR page images in parallel (``workers`` at a time, see :func:`ocr_workers`), in order;
    images are produced lazily by the caller's thread."""
    exe = require_tesseract()
    workers = ocr_workers(workers)
    slots = threading.BoundedSemaphore(workers + 1)  # bounds how many rendered pages wait in memory

    def job(img) -> PageOcr:
        try:
            return ocr_image(prepare(img, rendered=rendered), exe, dpi=dpi)
        finally:
            slots.release()

    futures: list[Future] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for img in images:
            slots.acquire()
            futures.append(pool.submit(job, img))
        return [f.result() for f in futures]


def _image_cover(page) -> float:
    """Fraction of the page area covered by pictures (bounds overlap is ignored; capped at 1)."""
    import pypdfium2.raw as pdfium_c

    from .pdf_grid import bounds, objects

    w, h = page.get_size()
    area = 0.0
    for obj in objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE):
        left, bottom, right, top = bounds(obj)
        area += max(0.0, right - left) * max(0.0, top - bottom)
    return min(1.0, area / (w * h)) if w and h else 0.0


def _render(pdf, pages: list[int]) -> Iterator:
    for i in pages:
        page = pdf[i - 1]
        try:
            yield page.render(scale=DPI / 72, grayscale=True).to_pil()
        finally:
            page.close()


def pages_to_ocr(doc: Document, pdf, force: bool) -> list[int]:
    """1-based pages whose text layer is not usable (every page when forced)."""
    if force:
        return list(range(1, doc.page_count + 1))
    out = []
    for i, text in enumerate(doc.pages):
        words = _WORD.findall(text)
        if len(words) >= MIN_TOKENS:  # judged on its words: the page is not loaded
            if not layer_is_plausible(text, words):
                out.append(i + 1)
            continue
        page = pdf[i]
        try:
            if needs_ocr(text, _image_cover(page)):
                out.append(i + 1)
        finally:
            page.close()
    return out


def apply_ocr(doc: Document, pages: list[int], results: list[PageOcr]) -> Document:
    """A copy of ``doc`` with the OCR text in place of those pages' layers, and its page map."""
    texts = list(doc.pages)
    conf = dict(doc.ocr_confidence)
    warnings = list(doc.warnings)
    for n, res in zip(pages, results):
        texts[n - 1] = res.text
        conf[n] = res.confidence
        if res.confidence < LOW_CONFIDENCE:
            warnings.append(f"page {n}: OCR confidence {res.confidence:.0f}%, check the text")
    new = replace(doc, pages=texts, ocr_pages=sorted(set(doc.ocr_pages) | set(pages)),
                  ocr_confidence=conf, warnings=warnings, text="", origin=[])
    for name, value in vars(doc).items():  # attributes readers add (table_pages)
        if not hasattr(new, name):
            setattr(new, name, value)
    new.ocr_words = {**getattr(doc, "ocr_words", {}),  # type: ignore[attr-defined]
                     **{n: (res.size, res.words) for n, res in zip(pages, results)}}
    return new


def _without_tesseract(doc: Document, pages: list[int]) -> bool:
    """True (and a warning on ``doc``) when Tesseract is missing but other pages have text:
    the report is still read from those. With no usable page at all, MissingTool is raised."""
    try:
        require_tesseract()
        return False
    except MissingTool:
        if not any(text.strip() for i, text in enumerate(doc.pages, 1) if i not in pages):
            raise
    doc.warnings.append(f"page(s) {', '.join(map(str, pages))} have no usable text layer and were not "
                        f"OCR'd: Tesseract is missing; {INSTALL_HINT}")
    return True


def _check_limits(doc: Document, pdf, pages: list[int]) -> None:
    """Refuse before rendering: too many pages to OCR, or a page too large to render at DPI."""
    limits.check_pages(doc.path, "the PDF has", len(pages), limits.MAX_OCR_PAGES, "pages to OCR")
    for n in pages:
        w, h = pdf.get_page_size(n - 1)
        limits.check_pixels(doc.path, w * DPI / 72, h * DPI / 72, f"page {n} rendered at {DPI} dpi")


def ocr_pdf_if_needed(doc: Document, data: bytes, force: bool = False, workers: int | None = None) -> Document:
    """OCR the pages of a PDF whose text layer is unusable; ``doc`` unchanged if none is."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        pages = pages_to_ocr(doc, pdf, force)
        if not pages or _without_tesseract(doc, pages):
            return doc
        _check_limits(doc, pdf, pages)
        results = ocr_many(_render(pdf, pages), rendered=True, dpi=DPI, workers=workers)
    finally:
        pdf.close()
    new = apply_ocr(doc, pages, results)
    if not new.raw_text.strip():
        raise UnreadableInput(f"{doc.path}: OCR found no text on the scanned pages")
    return new
