"""The ruled tables of a scanned page, found from their rules in the image.

Tesseract reads a ruled table line by line across its cells, so a two-line
label and the value beside it come out interleaved ("Chưa = 0 / 1 / phiên bản
mới nhất"). A born-digital PDF gives each cell whole, one after the other, and
the form readers are built for that. Here the long horizontal and vertical
rules are found in the page image (dark runs far longer than any word, read in
bands so a slightly rotated scan still shows them), and each table is returned
as its row and column boundaries, so :mod:`.ocr_layout` can give its words cell by cell.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DARK = 160  # grey level under which a pixel is ink
BAND = 24  # px: rules are looked for in bands this thick, so a skewed rule stays within two bands
MIN_H_RULE = 0.3  # of the page width: a horizontal rule is at least this long
MIN_V_RULE = 300  # px (about four text lines at 300 dpi): a vertical rule is at least this tall
MIN_ROWS = 2


@dataclass(frozen=True)
class Grid:
    """A ruled table: the y of its horizontal rules and the x of its vertical rules (sorted)."""

    ys: tuple[int, ...]
    xs: tuple[int, ...]

    @property
    def bbox(self) -> tuple[int, int, int, int]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def cell(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of a point, or None outside the table."""
        if not (self.xs[0] < x < self.xs[-1] and self.ys[0] < y < self.ys[-1]):
            return None
        return int(np.searchsorted(self.ys, y)) - 1, int(np.searchsorted(self.xs, x)) - 1


MAX_SKEW = 2.0  # degrees a scanned sheet may be turned
SKEW_STEP = 0.1


def skew_angle(img) -> float:
    """The angle (degrees, counter-clockwise, as PIL rotates) that sets a page's lines level.

    The classic projection test, done as a shear of the ink pixels of a quarter-size
    copy: on a page turned level, the ink per row swings hardest between text
    lines (and rules) and the white between them.
    """
    from PIL import Image

    small = np.asarray(img.resize((img.width // 4, img.height // 4), Image.BOX)) < DARK
    ys, xs = np.nonzero(small)
    if len(ys) == 0:
        return 0.0
    best, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_SKEW, MAX_SKEW + SKEW_STEP / 2, SKEW_STEP):
        shifted = np.round(ys - xs * np.tan(np.radians(angle))).astype(np.int64)
        rows = np.bincount(shifted - shifted.min())
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score:
            best, best_score = float(angle), score
    return round(best, 2)


def median3(img):
    """PIL's ``MedianFilter(3)`` (edges repeated), ten times faster: each column of three
    sorted once, then the median of the largest of the low ones, the median of the middle
    ones and the smallest of the high ones of three neighbouring columns (the same value
    as sorting all nine)."""
    from PIL import Image

    a = np.asarray(img)
    h, w = a.shape
    p = np.pad(a, 1, mode="edge")
    top, mid, bottom = p[0:h], p[1:h + 1], p[2:h + 2]
    lo, hi = np.minimum(top, mid), np.maximum(top, mid)
    mid, hi = np.minimum(hi, bottom), np.maximum(hi, bottom)
    lo, mid = np.minimum(lo, mid), np.maximum(lo, mid)
    left, centre, right = slice(0, w), slice(1, w + 1), slice(2, w + 2)
    max_lo = np.maximum(np.maximum(lo[:, left], lo[:, centre]), lo[:, right])
    min_hi = np.minimum(np.minimum(hi[:, left], hi[:, centre]), hi[:, right])
    med_mid = _median_of_3(mid[:, left], mid[:, centre], mid[:, right])
    return Image.fromarray(_median_of_3(max_lo, med_mid, min_hi))


def _median_of_3(x: np.ndarray, y: np.ndarray, z: np.ndarray) -> np.ndarray:
    return np.maximum(np.minimum(x, y), np.minimum(np.maximum(x, y), z))


def deskew(img):
    """The page turned level (white fills the corners), or the page itself when it is level."""
    from PIL import Image

    angle = skew_angle(img)
    if abs(angle) < SKEW_STEP / 2:
        return img
    return img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)


def _runs(line: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each run of True in a 1-D boolean array."""
    edges = np.diff(np.concatenate(([0], line.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()))


def _rules(ink: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """Horizontal rules of an ink mask: (its row, start, end); a rule seen in two bands is one."""
    out: list[tuple[int, int, int]] = []
    weight: list[int] = []
    for b in range(0, ink.shape[0] - BAND // 2, BAND // 2):  # half-overlapping bands
        band = ink[b:b + BAND].any(axis=0)
        long = [(s, e) for s, e in _runs(band) if e - s >= min_len]
        if not long:
            continue
        s, e = min(r[0] for r in long), max(r[1] for r in long)
        counts = ink[b:b + BAND, s:e].sum(axis=1)
        row, n = b + int(counts.argmax()), int(counts.max())  # the rule is the inkiest row
        if out and row - out[-1][0] < BAND:
            prev, prev_n = out.pop(), weight.pop()
            s, e = min(s, prev[1]), max(e, prev[2])
            row, n = (row, n) if n > prev_n else (prev[0], prev_n)
        out.append((row, s, e))
        weight.append(n)
    return out


def find_grids(img) -> list[Grid]:
    """The ruled tables of a greyscale page image."""
    ink = np.asarray(img) < DARK
    h_rules = _rules(ink, int(MIN_H_RULE * ink.shape[1]))
    v_rules = _rules(ink.T, MIN_V_RULE)
    grids: list[Grid] = []
    group: list[tuple[int, int, int]] = []

    def spanned(a: tuple[int, int, int], b: tuple[int, int, int]) -> list[int]:
        """x of the vertical rules that run from rule a down to rule b."""
        return [x for x, top, bottom in v_rules if top <= a[0] + BAND and bottom >= b[0] - BAND
                and min(a[1], b[1]) - BAND <= x <= max(a[2], b[2]) + BAND]

    def close() -> None:
        if len(group) >= MIN_ROWS + 1:
            xs = sorted(set(spanned(group[0], group[-1])) | {x for a, b in zip(group, group[1:])
                                                             for x in spanned(a, b)})
            xs = [x for i, x in enumerate(xs) if i == 0 or x - xs[i - 1] > BAND]
            left, right = min(r[1] for r in group), max(r[2] for r in group)
            # a table is framed: its outer vertical rules are where its horizontal rules end
            # (a grid found for some columns only would tear the other cells apart)
            if len(xs) >= 3 and xs[0] - left < 2 * BAND and right - xs[-1] < 2 * BAND:
                grids.append(Grid(tuple(r[0] for r in group), tuple(xs)))
        group.clear()

    for rule in h_rules:
        if group and len(spanned(group[-1], rule)) < 2:
            close()
        group.append(rule)
    close()
    return grids
