"""Ruling lines and character boxes of a PDF page, read from pypdfium2's page objects.

The page is already open in pypdfium2 for its text, so its ruled tables are read
from the same objects instead of interpreting the page a second time with pdfminer
(which cost most of a born-digital parse): every straight, axis-aligned segment of a
painted path is a ruling edge (a rectangle gives four, a polyline one per side),
and every character of the text page is a box with its text. Both come out in
pdfplumber's coordinates (top-down from the media box's top-left corner; an edge as
the dict its table finder reads, a character as a tuple), so :mod:`.pdf_tables` runs
the same table logic on them.

What this cannot settle returns ``None`` and the page goes to pdfplumber: a page
with a ``/Rotate`` and a page with turned text (vertical column headers), whose
boxes pdfplumber orders by their own direction.
"""
from __future__ import annotations

import ctypes
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

Matrix = tuple[float, float, float, float, float, float]
# a character: (x0, top, x1, bottom, text), pdfplumber's coordinates (see page_chars)
Char = tuple[float, float, float, float, str]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# the page objects that may hold ruling lines: paths, and forms (which hold objects)
DRAWING = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM)
# a segment this close to horizontal or vertical (points) is a ruling edge
STRAIGHT = 0.01
# pdfium's code for a hyphen that ends a line ("2631/QĐ-" above "UBND")
LINE_END_HYPHEN = 0x02
# the only characters pdfium adds to a text page (a space, a line end), and no character
GENERATED = frozenset((0x20, 0x0A, 0x0D))
SPECIAL = GENERATED | {0}


@dataclass
class PageLayout:
    number: int  # 1-based
    width: float
    height: float
    edges: list[dict]
    chars: list[Char]


def objects(page, kind: int, max_depth: int = 2) -> Iterator:
    """Raw handles of a page's objects of one kind (``FPDF_PAGEOBJ_*``), descending into form
    objects as ``PdfPage.get_objects(filter=[kind], max_depth=...)`` does, without making a
    Python wrapper for every object (that was most of the cost of looking at a page)."""
    page_object = _bound("FPDFPage_GetObject")[0]
    yield from _objects(page.raw, pdfium_c.FPDFPage_CountObjects, page_object, kind, max_depth, 0)


def _objects(parent, count, get, kind: int, max_depth: int, level: int) -> Iterator:
    form_object, get_type = _bound("FPDFFormObj_GetObject", "FPDFPageObj_GetType")
    for i in range(count(parent)):
        obj = get(parent, i)
        t = get_type(obj)
        if t == kind:
            yield obj
        if t == pdfium_c.FPDF_PAGEOBJ_FORM and level < max_depth - 1:
            yield from _objects(obj, pdfium_c.FPDFFormObj_CountObjects, form_object, kind, max_depth, level + 1)


def bounds(obj) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of a raw page object, as ``PdfObject.get_bounds``."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value


def _unchecked(function, restype):
    """``function`` of pypdfium2's bindings without its argument types: ctypes then passes
    the arguments as they are (the handle, a Python int, a pointer) instead of checking and
    converting each one, which halves the cost of a call."""
    fn = ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)
    fn.argtypes = None
    return fn


# what pdfium's functions called per object, path segment or character return
RESTYPES = {
    "FPDFPage_GetObject": pdfium_c.FPDF_PAGEOBJECT, "FPDFFormObj_GetObject": pdfium_c.FPDF_PAGEOBJECT,
    "FPDFPageObj_GetType": ctypes.c_int, "FPDFPath_GetPathSegment": pdfium_c.FPDF_PATHSEGMENT,
    "FPDFPathSegment_GetPoint": ctypes.c_int, "FPDFPathSegment_GetType": ctypes.c_int,
    "FPDFPathSegment_GetClose": ctypes.c_int, "FPDFText_GetMatrix": ctypes.c_int,
    "FPDFText_GetFontSize": ctypes.c_double, "FPDFText_GetUnicode": ctypes.c_uint,
    "FPDFText_IsGenerated": ctypes.c_int, "FPDFText_GetLooseCharBox": ctypes.c_int,
    "FPDFText_GetTextObject": ctypes.c_void_p,
}


@functools.cache
def _bound(*names: str) -> tuple:
    """pdfium's functions of those names, bound once (see :func:`_unchecked`)."""
    return tuple(_unchecked(getattr(pdfium_c, name), RESTYPES[name]) for name in names)


def _compose(m: Matrix, outer: Matrix) -> Matrix:
    """``m`` applied first, then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _matrix(obj) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _painted(obj) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    return bool(fill.value or stroke.value)


def _points(obj, m: Matrix) -> list[tuple[int, float, float, bool]]:
    """(segment type, x, y, closes) of a path's segments, in page space."""
    get_segment, get_point, get_type, get_close = _bound(
        "FPDFPath_GetPathSegment", "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetType", "FPDFPathSegment_GetClose")
    x, y = ctypes.c_float(), ctypes.c_float()
    px, py = ctypes.byref(x), ctypes.byref(y)
    a, b, c, d, e, f = m
    out = []
    for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = get_segment(obj, k)
        get_point(seg, px, py)
        out.append((get_type(seg), a * x.value + c * y.value + e, b * x.value + d * y.value + f, bool(get_close(seg))))
    return out


def _segments(points: list[tuple[int, float, float, bool]]) -> list[tuple[float, float, float, float]]:
    """Straight segments (x0, y0, x1, y1) of a path: each line-to from the current point, and
    the closing line of a closed subpath; a Bézier curve moves the current point only."""
    out = []
    start = cur = None
    bezier = 0
    for kind, x, y, closes in points:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = cur = (x, y)
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and cur is not None:
            out.append((*cur, x, y))
            cur = (x, y)
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier = (bezier + 1) % 3  # three points per curve; the third is where it ends
            cur = (x, y) if bezier == 0 else cur
        if closes and cur is not None and start is not None:
            out.append((*cur, *start))
            cur = start
    return out


def _edge(seg: tuple[float, float, float, float], height: float, x_origin: float) -> dict | None:
    """A segment as pdfplumber's edge dict, or None when it is neither horizontal nor vertical."""
    x0, y0, x1, y1 = seg
    if abs(y0 - y1) <= STRAIGHT:
        orientation = "h"
    elif abs(x0 - x1) <= STRAIGHT:
        orientation = "v"
    else:
        return None
    left, right = sorted((x0 - x_origin, x1 - x_origin))
    top, bottom = sorted((height - y0, height - y1))
    return {"x0": left, "x1": right, "top": top, "bottom": bottom, "doctop": top,
            "width": right - left, "height": bottom - top, "orientation": orientation,
            "object_type": "line"}


def _paths(obj, m: Matrix, depth: int):
    """(path object, its page matrix) of ``obj`` and, for a form, of what it holds."""
    form_object, get_type = _bound("FPDFFormObj_GetObject", "FPDFPageObj_GetType")
    kind = get_type(obj)
    if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
        yield obj, _compose(_matrix(obj), m)
    elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
        m = _compose(_matrix(obj), m)
        for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
            yield from _paths(form_object(obj, i), m, depth + 1)


def page_edges(page, height: float, x_origin: float) -> list[dict]:
    edges = []
    raw = page.raw
    page_object, get_type = _bound("FPDFPage_GetObject", "FPDFPageObj_GetType")
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        top = page_object(raw, i)
        if get_type(top) not in DRAWING:
            continue  # text and images draw no rules
        for obj, m in _paths(top, IDENTITY, 0):
            if not _painted(obj):
                continue  # a clipping path draws nothing
            for seg in _segments(_points(obj, m)):
                e = _edge(seg, height, x_origin)
                if e is not None:
                    edges.append(e)
    return edges


def _add_space(chars: list[Char], boxed: bool, left: float, right: float) -> None:
    """A space pdfium added between words (``boxed``: a space with its box at ``left`` ..
    ``right``; a line end is not), at the height of the character before it."""
    if boxed and chars:
        before = chars[-1]
        chars.append((left, before[1], right, before[3], " "))


def _turned(m) -> bool:
    """Whether a character's matrix turns it (vertical or slanted text)."""
    return abs(m.b) >= 1e-6 or abs(m.c) >= 1e-6


# what _height gives for a character whose height is its loose box's, and for turned text
LOOSE = (None, None)
TURNED = (None,)


def _height(raw, i: int, height: float) -> tuple[tuple, bool]:
    """((top, bottom) of character ``i``, LOOSE or TURNED; whether that holds for every
    character of its text object): it stands one font size tall on its baseline, which is
    its matrix's ``f`` when upright (the object's matrix and size), else its own origin's
    height."""
    get_matrix, font_size = _bound("FPDFText_GetMatrix", "FPDFText_GetFontSize")
    m = pdfium_c.FS_MATRIX()
    upright = get_matrix(raw, i, ctypes.byref(m))
    if upright and _turned(m):
        return TURNED, True
    size = font_size(raw, i)
    if size <= 0:
        return LOOSE, upright
    if upright:
        return (height - m.f - size, height - m.f), True
    x, y = ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y):
        return LOOSE, False
    return (height - y.value - size, height - y.value), False


def page_chars(tp, height: float, x_origin: float) -> list[Char] | None:
    """The characters of the page as ``(x0, top, x1, bottom, text)``, in pdfplumber's
    coordinates; None when some text is turned.

    A character stands one font size tall on its baseline, as pdfminer has it: pdfium's
    loose box rises above that for a capital with a stacked mark ("Ỉ", "Ố") and sinks
    below it for a descender ("g"), which would put them on lines of their own (the
    loose box's height stands in when pdfium has no size or origin). The spaces pdfium
    adds between words (where the content moves the pen instead of drawing a space) are
    kept, at the height of the character before them: they are where its page text has
    its spaces. Its added line ends are dropped. The calls into pdfium are most of the
    time, so there are as few as can be: pdfium's functions are bound once without
    argument checks, only a space or a line end is asked whether pdfium added it, and a
    character's matrix and font size are its text object's (pdfium gives every character
    of an object the object's), asked once per object; an upright character's baseline is
    its matrix's ``f`` (pdfium's character origin, to the bit: checked on every upright
    character of the corpus's PDFs)."""
    raw = tp.raw
    get_unicode, is_generated, loose_box, text_object = _bound(
        "FPDFText_GetUnicode", "FPDFText_IsGenerated", "FPDFText_GetLooseCharBox", "FPDFText_GetTextObject")
    rect = pdfium_c.FS_RECTF()
    box = ctypes.byref(rect)
    heights: dict[int, tuple] = {}  # text object -> _height's answer for its characters
    chars: list[Char] = []
    append = chars.append
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        code = get_unicode(raw, i)
        if code in SPECIAL:
            if code and is_generated(raw, i) == 1:
                _add_space(chars, code == 32 and loose_box(raw, i, box), rect.left, rect.right)
                continue
            if not code:
                continue
        if not loose_box(raw, i, box):
            continue
        obj = text_object(raw, i)
        span = heights.get(obj)
        if span is None:
            span, shared = _height(raw, i, height)
            if span is TURNED:
                return None
            if obj and shared:
                heights[obj] = span
        top, bottom = (height - rect.top, height - rect.bottom) if span is LOOSE else span
        append((rect.left, top, rect.right, bottom, "-" if code == LINE_END_HYPHEN else chr(code)))
    return _from_left(chars, x_origin)


def _from_left(chars: list[Char], x_origin: float) -> list[Char]:
    """The characters with x counted from the media box's left edge, as pdfplumber counts it
    (the list itself when the box is at (0, 0))."""
    if x_origin:
        return [(x0 - x_origin, top, x1 - x_origin, bottom, t) for x0, top, x1, bottom, t in chars]
    return chars


def page_layout(page, tp, number: int) -> PageLayout | None:
    """Edges and characters of an open page (``tp`` its text page), None for pdfplumber."""
    if page.get_rotation():
        return None
    left, bottom, right, top = page.get_mediabox()
    chars = page_chars(tp, top, left)
    if chars is None:
        return None
    return PageLayout(number, right - left, top - bottom, page_edges(page, top, left), chars)
