"""Ruled grids of a PDF page from its ruling edges (the ``lines`` strategy of pdfplumber's
table finder, with its default tolerances), so a born-digital PDF never imports
pdfplumber or pdfminer.

The steps and their arithmetic are pdfplumber's (0.11), because the cells must be the
ones it finds: edges within 3 points of one another snap to their mean position (a
moved edge keeps its length: ``x + (mean - x)``, the same floats), collinear edges less
than 3 points apart join, edges shorter than 3 points go, a vertical and a horizontal
edge cross where they come within 3 points, and a cell is the smallest rectangle whose
four corners are crossings joined by edges. Cells that share a corner make one table;
a lone cell is no table. Positions are compared exactly, as there.

An edge is a dict of :mod:`.pdf_grid` (``x0``, ``x1``, ``top``, ``bottom``, ``width``,
``height``, ``orientation``); a cell a tuple ``(x0, top, x1, bottom)``.
"""
from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable
from operator import itemgetter

Box = tuple[float, float, float, float]
# pdfplumber's defaults: snap, join and crossing tolerances, and the shortest edge kept
SNAP = 3.0
JOIN = 3.0
CROSS = 3.0
MIN_LENGTH = 3.0
PREFILTER_LENGTH = 1.0

_box = itemgetter("x0", "top", "x1", "bottom")


def cluster_numbers(keys: list[float], tolerance: float) -> dict[float, int]:
    """The group (0, 1, ...) of each distinct key: in sorted order, a key more than
    ``tolerance`` after the one before starts the next group."""
    group: dict[float, int] = {}
    n = 0
    previous = None
    for v in sorted(set(keys)):
        if previous is not None and v > previous + tolerance:
            n += 1
        group[v] = n
        previous = v
    return group


def cluster(items: list, key: Callable, tolerance: float) -> list[list]:
    """``items`` grouped by ``key``: sorted distinct values less than ``tolerance`` after the
    one before fall in one group; groups in value order, items in their given order
    (pdfplumber's ``cluster_objects``)."""
    keys = [key(x) for x in items]
    if not keys or max(keys) <= min(keys) + tolerance:  # one group (rounding is monotonic: exact)
        return [list(items)] if keys else []
    group = cluster_numbers(keys, tolerance)
    out: list[list] = []
    last = None
    for i in sorted(range(len(items)), key=lambda i: group[keys[i]]):  # stable: given order kept
        if group[keys[i]] != last:
            last = group[keys[i]]
            out.append([])
        out[-1].append(items[i])
    return out


def _snapped(edges: list[dict], attr: str, moved: tuple[str, ...]) -> list[dict]:
    out = []
    for group in cluster(edges, itemgetter(attr), SNAP):
        mean = sum(e[attr] for e in group) / len(group)
        for e in group:
            delta = mean - e[attr]
            out.append({**e, **{k: e[k] + delta for k in moved}})
    return out


def _extended(e: dict, high: str, value: float) -> dict:
    """``e`` drawn on to ``value`` (its length worked out as pdfplumber's ``resize_object`` does)."""
    if high == "x1":
        return {**e, "x1": value, "width": value - e["x0"]}
    return {**e, "bottom": value, "height": e["height"] + (value - e["bottom"])}


def _joined(edges: Iterable[dict], low: str, high: str) -> list[dict]:
    """Collinear edges (one group of equal position) joined where less than ``JOIN`` apart."""
    ordered = sorted(edges, key=itemgetter(low))
    out = [ordered[0]]
    for e in ordered[1:]:
        last = out[-1]
        if e[low] > last[high] + JOIN:
            out.append(e)
        elif e[high] > last[high]:
            out[-1] = _extended(last, high, e[high])
    return out


def _position(e: dict) -> tuple[str, float]:
    return ("h", e["top"]) if e["orientation"] == "h" else ("v", e["x0"])


def merged_edges(edges: list[dict]) -> list[dict]:
    """The page's edges snapped, joined and filtered as the finder reads them."""
    long = [e for e in edges if e["height" if e["orientation"] == "v" else "width"] >= PREFILTER_LENGTH]
    v = [e for e in long if e["orientation"] == "v"]
    h = [e for e in long if e["orientation"] == "h"]
    snapped = _snapped(v, "x0", ("x0", "x1")) + _snapped(h, "top", ("top", "bottom", "doctop"))
    out = []
    for (kind, _), group in itertools.groupby(sorted(snapped, key=_position), key=_position):
        if kind == "h":
            out.extend(_joined(group, "x0", "x1"))
        else:
            out.extend(_joined(group, "top", "bottom"))
    return [e for e in out if e["height" if e["orientation"] == "v" else "width"] >= MIN_LENGTH]


def crossings(edges: list[dict]) -> dict[tuple[float, float], tuple[set, set]]:
    """(x, y) where a vertical and a horizontal edge meet -> (boxes of the vertical edges
    there, boxes of the horizontal ones)."""
    h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top"))
    tops = [e["top"] for e in h_edges]
    out: dict[tuple[float, float], tuple[set, set]] = {}
    for v in (e for e in edges if e["orientation"] == "v"):
        x = v["x0"]
        lo = bisect.bisect_left(tops, v["top"] - CROSS - 1)  # a margin: the test below decides
        hi = bisect.bisect_right(tops, v["bottom"] + CROSS + 1)
        for h in h_edges[lo:hi]:
            if h["x0"] - CROSS <= x <= h["x1"] + CROSS and v["top"] <= h["top"] + CROSS and v["bottom"] >= h["top"] - CROSS:
                vs, hs = out.setdefault((x, h["top"]), (set(), set()))
                vs.add(_box(v))
                hs.add(_box(h))
    return out


def cells(points: dict[tuple[float, float], tuple[set, set]]) -> list[Box]:
    """For each crossing (in (x, y) order), the smallest cell it is the top-left corner of."""
    below: dict[float, list[float]] = {}
    right: dict[float, list[float]] = {}
    for x, y in sorted(points):
        below.setdefault(x, []).append(y)
        right.setdefault(y, []).append(x)
    out = []
    for x, y in sorted(points):
        found = _smallest_cell(points, x, y, below[x], right[y])
        if found:
            out.append(found)
    return out


def _smallest_cell(points, x: float, y: float, ys: list[float], xs: list[float]) -> Box | None:
    """The nearest crossing below (x, y) on one of its vertical edges and the nearest to its
    right on one of its horizontal edges that close a cell, downwards first; the crossings to
    the right are looked at only as far as needed (the first one closes most cells)."""
    vs, hs = points[(x, y)]
    rights: list[float] = []  # the crossings to the right on one of its horizontal edges, so far
    k = bisect.bisect_right(xs, x)
    for y2 in ys[bisect.bisect_right(ys, y):]:
        if vs.isdisjoint(points[(x, y2)][0]):
            continue
        for x2 in rights:
            if _closes(points, x, y, x2, y2):
                return (x, y, x2, y2)
        while k < len(xs):
            x2 = xs[k]
            k += 1
            if not hs.isdisjoint(points[(x2, y)][1]):
                rights.append(x2)
                if _closes(points, x, y, x2, y2):
                    return (x, y, x2, y2)
    return None


def _closes(points, x: float, y: float, x2: float, y2: float) -> bool:
    """Whether (x2, y2) is a crossing joined to (x2, y) by a vertical edge and to (x, y2) by a
    horizontal one."""
    corner = points.get((x2, y2))
    return (corner is not None and not corner[0].isdisjoint(points[(x2, y)][0])
            and not corner[1].isdisjoint(points[(x, y2)][1]))


def _corners(c: Box) -> tuple:
    x0, top, x1, bottom = c
    return ((x0, top), (x0, bottom), (x1, top), (x1, bottom))


def tables(found: list[Box]) -> list[list[Box]]:
    """Cells grouped into tables (cells that share a corner, transitively, in pdfplumber's
    order of growing a group), top to bottom then left to right; lone cells dropped."""
    remaining = list(found)
    groups: list[list[Box]] = []
    current: list[Box] = []
    corners: set = set()
    while remaining:
        before = len(current)
        for c in list(remaining):
            cs = _corners(c)
            if not current or any(p in corners for p in cs):
                corners.update(cs)
                current.append(c)
                remaining.remove(c)
        if len(current) == before:
            groups.append(current)
            current, corners = [], set()
    if current:
        groups.append(current)
    groups.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in groups if len(t) > 1]


def bbox(boxes: Iterable[Box]) -> Box:
    x0, top, x1, bottom = zip(*boxes)
    return (min(x0), min(top), max(x1), max(bottom))


def rows(table: list[Box]) -> list[tuple[Box, list[Box | None]]]:
    """(row box, its cells by column, None where a merged cell spans) of a table."""
    xs = sorted({c[0] for c in table})
    out = []
    for _, group in itertools.groupby(sorted(table, key=itemgetter(1, 0)), key=itemgetter(1)):
        at = {c[0]: c for c in group}
        row = [at.get(x) for x in xs]
        out.append((bbox(c for c in row if c), row))
    return out


def find(edges: list[dict]) -> list[list[Box]]:
    """The tables (lists of cells) the page's ruling edges draw."""
    return tables(cells(crossings(merged_edges(edges))))
