"""Repairs for text that came from OCR, applied to OCR'd pages only.

Tesseract's Vietnamese model makes a few systematic mistakes that the general
text repair cannot know about:

* document symbols broken or misread: "309/KH- UBND" (a space after the dash),
  "3O9/KH-UBND" and dates such as "1O/2O23" (the letters O, o, I, l for digits);
* a Roman heading number misread ("IL. CÔNG TÁC"), set by the numbers around it;
* a tone or a circumflex lost or confused on a well-known word pair: "Tống số",
  "phòng, chông dịch", "thành phó", "khân trương". A pair is restored only when it
  is listed in ``patterns/ocr_phrases.yaml`` (pairs of clean administrative text
  whose spelling without tones and circumflexes is shared by no other pair of
  that text), the letters differ only in a stacked tone, and neither pair the
  word is part of is a known pair as read, so the fix is certain.
"""
from __future__ import annotations

import unicodedata
from typing import Annotated

import regex
from pydantic import ConfigDict, StringConstraints

from . import patterns

_DROPPED_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302"}  # tones and circumflex
_DIGIT_LOOKALIKES = str.maketrans("OoIl", "0011")
# a symbol's number with a letter read for a digit, right before "/KH-UBND" or "-KL/TW"
_SYMBOL_NUMBER = regex.compile(
    r"(?<![\p{L}\d])(?=[\dOoIl]*\d)(?=[\dOoIl]*[OoIl])[\dOoIl]{1,5}(?=/\p{Lu}|-\p{Lu}+/)")
# a date d/m/yyyy (or /m/yyyy after an unreadable day) with such a letter
_DATE = regex.compile(
    r"(?<![\p{L}\d])(?=[\dOoIl/]*[OoIl])(?:[\dOoIl]{1,2})?/[\dOoIl]{1,2}/[12][\dOoIl]{3}(?![\p{L}\d])")
# "309/KH- UBND", "44/QĐ -HĐND": spaces around a dash inside a symbol
_SYMBOL_DASH = regex.compile(r"(?<=\d/[\p{Lu}\d&.]+)(?: -\s?|- )(?=\p{Lu}{2,})")
_WORD = regex.compile(r"(?<![\p{L}\d])\p{L}+(?![\p{L}\d])")
# a Roman section number heading a capitals title ("IL. CÔNG TÁC" read for "I. CÔNG TÁC")
_ROMAN_HEAD = regex.compile(r"(?m)^[IVXLl1]{1,5}(?=\s?\.\s?\p{Lu}{2,})")
ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


Pair = Annotated[str, StringConstraints(pattern=r"^\S+ \S+$")]  # two words, one space between


class _Phrases(patterns.Schema):
    model_config = ConfigDict(extra="forbid")  # a misspelt key (a district overlay's) is an error
    restore: list[Pair]  # pairs to restore a misread pair to
    known: list[Pair] = []  # other pairs of clean text: never changed


def _strip(word: str) -> str:
    nfd = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in nfd if c not in _DROPPED_MARKS)


def pair_key(a: str, b: str) -> tuple[str, str]:
    """How a word pair reads once tones and circumflexes (what OCR loses) are dropped."""
    return _strip(a), _strip(b)


@patterns.memoised
def _lexicon() -> tuple[frozenset[tuple[str, str]], dict[tuple[str, str], tuple[str, str]]]:
    data = patterns.load("ocr_phrases.yaml", _Phrases)
    restore = [tuple(p.lower().split(" ", 1)) for p in data.restore]
    known = frozenset(restore) | {tuple(p.lower().split(" ", 1)) for p in data.known}
    return known, {pair_key(a, b): (a, b) for a, b in restore}

def _same_case(model: str, word: str) -> str:
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _confusable(read: str, right: str) -> bool:
    """True when two spellings differ only in the tone over a circumflex vowel (â, ê, ô),
    and that tone is a hook, an acute or none: the stacked marks Tesseract misreads
    ("Tống" for "Tổng", "chông" for "chống"). Other differences are real words."""
    if len(read) != len(right):
        return False
    diffs = [(x, y) for x, y in zip(unicodedata.normalize("NFC", read.lower()), right) if x != y]
    if len(diffs) != 1:
        return False
    x, y = (unicodedata.normalize("NFD", c) for c in diffs[0])
    tones = {"", "\u0301", "\u0309"}
    return (x[:1] in "aeo" and y[:2] == x[:1] + "\u0302"
            and x[1:].replace("\u0302", "") in tones and y[2:] in tones)


def phrase_fixes(text: str, eligible) -> dict[int, str]:
    """Offset of each word to restore -> its restored spelling.

    A word is restored from a listed pair it forms with a neighbour (one space
    apart) only when neither pair it is part of is known as read ("chỉ đạo" is
    known, so "định chỉ" never becomes "định chi") and the restored word makes a
    known pair with its other neighbour too (or has none: punctuation, line end).
    """
    known, by_key = _lexicon()
    words = [m for m in _WORD.finditer(text) if eligible(m.start())]
    adjacent = [text[a.end():b.start()] == " " for a, b in zip(words, words[1:])]

    def listed(i: int) -> bool:  # pair (words[i], words[i+1]) is listed as read
        return (0 <= i < len(adjacent) and adjacent[i]
                and (words[i].group(0).lower(), words[i + 1].group(0).lower()) in known)

    fixes: dict[int, str] = {}
    for i, ok in enumerate(adjacent):
        if not ok or listed(i):
            continue
        right = by_key.get(pair_key(words[i].group(0), words[i + 1].group(0)))
        if right is None:
            continue
        for j, new, other in ((i, right[0], i - 1), (i + 1, right[1], i + 1)):
            m = words[j]
            if (m.group(0).lower() != new and _confusable(m.group(0), new) and not listed(other)
                    and _fits(words, adjacent, other, j, new, known)):
                fixes[m.start()] = _same_case(m.group(0), new)
    return fixes


def _fits(words, adjacent, other: int, j: int, new: str, known) -> bool:
    """The restored word also makes a known pair with its other neighbour (or has none there)."""
    if not (0 <= other < len(adjacent)) or not adjacent[other]:
        return True
    left, right = words[other].group(0).lower(), words[other + 1].group(0).lower()
    pair = (new, right) if other == j else (left, new)
    return pair in known


def roman_fixes(heads: list[str]) -> dict[int, str]:
    """Index of each misread Roman heading number -> the number both its neighbours imply
    ("IL", "II", "II", "IV" -> "I", "II", "III", "IV")."""
    value = {r: i for i, r in enumerate(ROMANS, 1)}
    fixes: dict[int, str] = {}
    for i, read in enumerate(heads):
        prev = value.get(heads[i - 1]) if i > 0 else 0
        nxt = value.get(heads[i + 1]) if i + 1 < len(heads) else None
        if prev is None:
            continue
        want = prev + 1
        if nxt is not None and nxt != want + 1 or want > len(ROMANS) or read == ROMANS[want - 1]:
            continue
        if nxt is not None or read not in value:
            fixes[i] = ROMANS[want - 1]
    return fixes


def _fix_roman_heads(t, eligible) -> int:
    heads = [m for m in _ROMAN_HEAD.finditer(t.text) if eligible(m.start())]
    fixes = {heads[i].start(): new for i, new in roman_fixes([m.group(0) for m in heads]).items()}
    return t.sub(_ROMAN_HEAD, lambda m: fixes.get(m.start(), m.group(0))) if fixes else 0


def repair_tracked(t, doc) -> list[str]:
    """Repair the OCR'd pages of a :class:`normalize.Tracked` text; the repair kinds applied."""
    spans = [(doc.page_starts[p - 1], doc.page_starts[p - 1] + len(doc.pages[p - 1]))
             for p in doc.ocr_pages if 0 < p <= doc.page_count]

    def eligible(offset: int) -> bool:
        raw = t.origin[offset] if offset < len(t.origin) else -1
        return any(s <= raw <= e for s, e in spans)

    def only_ocr(fix):
        return lambda m: fix(m) if eligible(m.start()) else m.group(0)

    kinds = []
    n = t.sub(_SYMBOL_NUMBER, only_ocr(lambda m: m.group(0).translate(_DIGIT_LOOKALIKES)))
    n += t.sub(_DATE, only_ocr(lambda m: m.group(0).translate(_DIGIT_LOOKALIKES)))
    n += t.sub(_SYMBOL_DASH, only_ocr(lambda m: "-"))
    if n:
        kinds.append("ocr-symbols")
    if _fix_roman_heads(t, eligible):
        kinds.append("ocr-headings")
    fixes = phrase_fixes(t.text, eligible)
    if fixes and t.sub(_WORD, lambda m: fixes.get(m.start(), m.group(0))):
        kinds.append("ocr-tones")
    return kinds
