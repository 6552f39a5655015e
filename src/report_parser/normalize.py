"""Vietnamese text repair with offset tracking.

Every repair is a substitution over a :class:`Tracked` text that remembers, for
each character, where it came from in the raw text, so later records carry
offsets into the *repaired* text that still map to pages
(:meth:`Document.page_of`). Each kind of repair that changed something is
recorded in ``Document.repairs``.
"""
from __future__ import annotations

import bisect
import re as _re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

import regex

from . import patterns, structure_words
from .document import PAGE_BREAK, Document
from .vietnamese import is_caps, is_syllable


def _origins(origin: list[int], s: int, e: int, n: int) -> list[int]:
    """The origins of ``n`` characters put in place of the text's [s, e): those of the replaced
    characters one by one, the last one repeated (an insertion takes the origin of where it is)."""
    src = origin[s:e] or [origin[s] if s < len(origin) else (origin[-1] + 1 if origin else 0)]
    return src[:n] if n <= len(src) else src + [src[-1]] * (n - len(src))


class Tracked:
    """A string with, for every character, its offset in the original text."""

    __slots__ = ("text", "origin")

    def __init__(self, text: str, origin: list[int] | None = None):
        self.text = text
        self.origin = origin if origin is not None else list(range(len(text)))

    def sub(self, pattern: regex.Pattern, repl: str | Callable[[regex.Match], str]) -> int:
        """Replace every match; returns the number of matches that changed the text."""
        return self.sub_matches(pattern.finditer(self.text), repl)

    def sub_matches(self, matches: Iterable[regex.Match], repl: str | Callable[[regex.Match], str]) -> int:
        """Replace the given matches of the current text (in order, not overlapping); returns the
        number of them that changed the text."""
        text, origin = self.text, self.origin
        out: list[str] = []
        org: list[int] = []
        last = changed = 0
        kept, moved = 0, False  # origins copied up to ``kept``: a replacement of its own length keeps them
        fixed = repl if isinstance(repl, str) and "\\" not in repl else None  # a template without escapes
        for m in matches:
            s, e = m.span()
            new = fixed if fixed is not None else repl(m) if callable(repl) else m.expand(repl)
            old = text[s:e]
            if new == old:
                continue
            changed += 1
            out.append(text[last:s])
            if len(new) != e - s:
                org.extend(origin[kept:s])
                org.extend(_origins(origin, s, e, len(new)))
                kept, moved = e, True
            out.append(new)
            last = e
        if not changed:
            return 0
        out.append(text[last:])
        self.text = "".join(out)
        if moved:
            org.extend(origin[kept:])
            self.origin = org
        return changed

    def delete(self, spans: list[tuple[int, int]]) -> None:
        """Delete the (start, end) spans of the current text (sorted, not overlapping)."""
        text, origin = self.text, self.origin
        out: list[str] = []
        org: list[int] = []
        last = 0
        for s, e in spans:
            out.append(text[last:s])
            org.extend(origin[last:s])
            last = e
        out.append(text[last:])
        org.extend(origin[last:])
        self.text, self.origin = "".join(out), org

    def delete_raw(self, spans: list[tuple[int, int]]) -> None:
        """Delete every character that came from one of the raw-text ``spans`` (sorted)."""
        origin = self.origin
        if origin == sorted(origin):  # nothing moved text around yet: find each span by bisection
            self.delete([(bisect.bisect_left(origin, s), bisect.bisect_left(origin, e)) for s, e in spans])
            return
        starts = [s for s, _ in spans]
        drop = [i for i, o in enumerate(origin) if (k := bisect.bisect_right(starts, o) - 1) >= 0 and o < spans[k][1]]
        self.delete([(i, i + 1) for i in drop])


# ----------------------------------------------------------------------------- character repairs
_CHAR_MAP = {
    "\u01ce": "ă", "\u01cd": "Ă",           # ǎ (caron) used for ă in web text
    "\u00d0": "Đ", "\u0189": "Đ",           # Ð (eth) for Đ
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00ad": "",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u02bc": "'",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\t": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
    "\u2026": "...",
}
_REPAIR_KIND = {
    "\u01ce": "a-caron", "\u01cd": "a-caron", "\u00d0": "eth-d", "\u0189": "eth-d",
    "\u201c": "quotes", "\u201d": "quotes", "\u201e": "quotes", "\u00ab": "quotes", "\u00bb": "quotes",
    "\u2018": "quotes", "\u2019": "quotes", "\u02bc": "quotes",
    "\u2010": "dashes", "\u2011": "dashes", "\u2012": "dashes", "\u2013": "dashes", "\u2014": "dashes",
    "\u2015": "dashes", "\u2212": "dashes", "\u00ad": "soft-hyphen", "\u2026": "ellipsis",
}
_CHARS = regex.compile("[" + regex.escape("".join(_CHAR_MAP)) + "]")
# a combining mark that a text layer put after a space (or alone): "bi ̣" -> "bị"
_STRAY_MARK = regex.compile(r"(\p{L}) +(\p{Mn}+)(?=(\p{L})?)")
_DECOMPOSED = regex.compile(r"\p{L}\p{Mn}+")
_MARK_RUN = regex.compile(r"\p{Mn}+")


def _mark_starts(text: str, *, spaced: bool) -> Iterator[int]:
    """Where a letter would start before each run of marks (a scan in C for a rare character): right
    before it, or when ``spaced`` before the spaces that come right before it (none: no start)."""
    for r in _MARK_RUN.finditer(text):
        q = r.start()
        if spaced:
            if q == 0 or text[q - 1] != " ":
                continue
            while q > 0 and text[q - 1] == " ":
                q -= 1
        yield q - 1


def _at_letter_before(text: str, starts: Iterator[int], pattern: regex.Pattern) -> Iterator[regex.Match]:
    """``pattern.finditer(text)`` for a pattern that is a letter, maybe spaces, then marks: tried only
    at ``starts`` (see :func:`_mark_starts`), which is where it can match, instead of at every letter."""
    for s in starts:
        if s >= 0:
            m = pattern.match(text, s)
            if m is not None:
                yield m


_SPACES = regex.compile(r"[ ]{2,}")
_TRAILING = regex.compile(r"(?<![ ])[ ]++(?=\n)|(?<=\n)[ ]+")  # only at a run start: a long run of spaces stays linear
_WORD = regex.compile(r"(?<![\p{L}\p{N}/_-])\p{L}++(?![\p{N}/_-])")  # possessive: "PT-TH" is no word "P"


def _join_split_words(t: Tracked) -> int:
    """'Ngh ị định' -> 'Nghị định', 'n ăm' -> 'năm': only where one side is no syllable
    and the join is one, so the join is certain. One pass over the words; a joined word
    may join again with the next ("thự c hiện" stays 2 words)."""
    text = t.text
    if not _may_join(text):
        return 0
    drop: list[int] = []
    s1 = e1 = -2
    a_syllable = False  # whether text[s1:e1] is a syllable: two syllables never join (the common case)
    for m in _WORD.finditer(text):
        s2, e2 = m.span()
        b = text[s2:e2]
        b_syllable = is_syllable(b)
        if (s2 == e1 + 1 and not (a_syllable and b_syllable) and text[e1] == " "
                and _certain_join(text[s1:e1], b)):
            drop.append(e1)
            e1, a_syllable = e2, False  # a joined word holds a space: no syllable, it joins no more
        else:
            s1, e1, a_syllable = s2, e2, b_syllable
    t.delete([(i, i + 1) for i in drop])
    return len(drop)


# a word, and the single space after it when a letter follows (a findall in C, no match objects)
_WORD_SPACE = regex.compile(f"({_WORD.pattern})( (?=\\p{{L}}))?", _WORD.flags)


def _may_join(text: str) -> bool:
    """Whether some two words one space apart make a certain join, asked of the words alone: every pair
    the full pass tries is tried (and a few more, where the next letters are no word), so False is sure."""
    if _WORD_SPACE.groups != 2:  # _WORD got groups of its own: no quick answer
        return True
    a, a_syllable = None, False
    for b, space in _WORD_SPACE.findall(text):
        b_syllable = is_syllable(b)
        if a is not None and not (a_syllable and b_syllable) and _certain_join(a, b):
            return True
        a, a_syllable = (b if space else None), b_syllable
    return False


def _certain_join(a: str, b: str) -> bool:
    if is_syllable(a) and is_syllable(b):
        return False  # two words (the common case, answered from is_syllable's cache)
    if not (a.isalpha() and b.isalpha()):
        return False
    if a.isupper() and len(a) > 1 and not b.isupper():
        return False  # "UBND xã": acronyms are not split words
    return is_syllable(a + b)


# ----------------------------------------------------------------------------- headers and footers
_PAGE_NUMBER = _re.compile(r"^\s*(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$", _re.I)


def _line_spans(page: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in page.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


EDGE_LINES = 2  # lines looked at on top and bottom of each page
_DIGITS = _re.compile(r"\d+")


def _furniture_key(line: str) -> str:
    """A running header or footer's key: its numbers do not count ("Trang 3" = "Trang 4")."""
    return _DIGITS.sub("#", line.strip().lower())


def _edge_lines(page: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(spans of the page's non-blank lines, those of them on its top and bottom edges)."""
    spans = [(s, e) for s, e in _line_spans(page) if page[s:e].strip()]
    edge = spans[:EDGE_LINES] + spans[-EDGE_LINES:] if len(spans) > 2 * EDGE_LINES else spans
    return spans, edge


def _furniture_of_page(page: str, spans: list[tuple[int, int]], edge: set[tuple[int, int]],
                       repeated: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of one page's furniture: a bare page number on its first or last line, and the
    edge lines that repeat on many pages."""
    out = []
    last = len(spans) - 1
    for j, (s, e) in enumerate(spans):
        if EDGE_LINES <= j <= last - EDGE_LINES:
            continue
        line = page[s:e]
        if (j == 0 or j == last) and _PAGE_NUMBER.match(line):
            out.append((s, e))
        elif (s, e) in edge and repeated(line) and len(line.strip()) > 3:
            out.append((s, e))
    return out


def _furniture_spans(doc: Document) -> list[tuple[int, int]]:
    """Raw-text spans of running headers/footers and page numbers to delete."""
    if doc.page_count < 2:
        return []
    per_page = [_edge_lines(page) for page in doc.pages]
    counts: Counter[str] = Counter()
    for page, (_, edge) in zip(doc.pages, per_page):
        counts.update({_furniture_key(page[s:e]) for s, e in edge})
    threshold = max(3, (doc.page_count + 1) // 2)

    def repeated(line: str) -> bool:
        return counts[_furniture_key(line)] >= threshold

    out = []
    for page, base, (spans, edge) in zip(doc.pages, doc.page_starts, per_page):
        out.extend((base + s, base + e) for s, e in _furniture_of_page(page, spans, set(edge), repeated))
    return out


# ----------------------------------------------------------------------------- paragraphs
@patterns.memoised
def _marker() -> regex.Pattern:
    """A line that opens a block: a bullet, a section number, a heading word, a signature capacity, an
    opener of a document's lines (structure.yaml ``line_openers``: "Kính gửi", "Căn cứ", a place-date line)."""
    v = structure_words.words()
    titled = v.part_headings + v.block_headings
    headings = structure_words.heading_alternation(titled + [w.upper() for w in titled] + v.caps_headings)
    openers = "|".join([w.replace(" ", r"\s") for w in v.line_openers] + [structure_words.attached_opener()])
    return regex.compile(
        r"""^(?:
            [-+•*·▪●○◦]\s                                  # bullets
          | [IVXLC]{1,6}\s*[.)]\s*\S                       # I. II.
          | \d{1,2}\s*[.)]\s+\S                             # 1. 2)
          | \d{1,2}(?:\.\d{1,2}){1,3}\.?\s+\S              # 2.1. 3.3.1 (form row codes too)
          | \d{1,2}(?:\.\d{1,2}){1,3}\.?\s*$               # a code alone on its line
          | \d{1,2}\.\s*$
          | [a-zđ][.)]\s                                   # a. b)
          | (?:""" + headings + r""")\b
          | (?:""" + openers + r""")
          | (?:TM|KT|TL|TUQ|Q)\.\s                          # signature capacities
        )""",
        regex.X,
    )


_SECTION_HEAD = regex.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)]\s+\p{Lu}")
_UPPER_START = regex.compile(r"^[\"'(]?\p{Lu}")
_BREAK = regex.compile(r"[ ]*\n(?:[ ]*\n)*[ ]*")  # a line break with the blank lines after it
_SYMBOL_BROKEN = regex.compile(r"[\p{Lu}\d]/?-$|\d/$")  # "44/QĐ-" at a line end
_SYMBOL_GOES_ON = regex.compile(r"[\p{Lu}\d]")


def _join_lines(t: Tracked) -> int:
    """Join lines a PDF or a text export broke inside a sentence, back into paragraphs.

    A line break (with any blank lines after it) becomes a space unless the next
    line starts a block (bullet, section number, form row code, signature
    capacity, all-caps heading) or the line ends a sentence before a capital.
    A symbol broken after its dash or slash ("44/QĐ-\\nHĐND") is joined without a space.
    """
    text = t.text
    marker = _marker()
    weak = structure_words.weak_heading()  # an appendix or form heading as written

    def keep_break(prev: str, nxt: str) -> bool:
        p, n = prev.strip(), nxt.strip()
        if not p or not n:
            return True
        if marker.match(n) or is_caps(n, 4) or is_caps(p, 4):
            return True
        if weak.match(n):
            return not p[-1].islower() or len(p) < 40
        if _SECTION_HEAD.match(p) and _UPPER_START.match(n) and len(p) < 160:
            return True  # a numbered heading, then its first paragraph
        if p[-1] in ".;:!?" and _UPPER_START.match(n):  # a sentence ends (also "./.", "...")
            return True
        if p.endswith(")") and _UPPER_START.match(n) and "(" in p[:1]:
            return True
        return False

    def repl(m: regex.Match) -> str:
        # the line before the break, and the next non-blank line
        start = text.rfind("\n", 0, m.start()) + 1
        prev = text[start:m.start()]
        end = text.find("\n", m.end())
        nxt = text[m.end(): end if end >= 0 else len(text)]
        p = prev.rstrip()
        if p[-1:] in ("-", "/") and _SYMBOL_BROKEN.search(p[-3:]) and _SYMBOL_GOES_ON.match(nxt.lstrip()) and not marker.match(nxt.lstrip()):
            return ""  # a document symbol broken after "-" or "/"
        if keep_break(prev, nxt):
            return "\n"
        return " "

    return t.sub(_BREAK, repl)


# ----------------------------------------------------------------------------- entry point
def repair_text(text: str) -> tuple[str, list[str]]:
    """Repair a bare string (for tests and callers without a Document)."""
    from pathlib import Path

    doc = Document(path=Path("-"), format="txt", sha256="", size=len(text), pages=text.split(PAGE_BREAK))
    repair(doc)
    return doc.text, doc.repairs


def _legacy_fonts(t: Tracked, doc: Document) -> list[str]:
    """Legacy 8-bit Vietnamese fonts (TCVN3/ABC, VNI) converted to Unicode."""
    from . import legacy_fonts

    return legacy_fonts.repair_document(t, doc.tables, doc.raw_text)


def _sub_if(t: Tracked, needle: str, pattern: regex.Pattern, repl: str) -> int:
    """``t.sub`` when the text holds ``needle``, without which ``pattern`` cannot match (a scan in C)."""
    return t.sub(pattern, repl) if needle in t.text else 0


def _ending_line(t: Tracked, mark: str, into: str) -> int:
    """Every ``mark`` with the line end right after it, if any, becomes ``into``, which keeps the
    mark's origin (``t.sub`` of ``mark\n?``, by scans in C: a PDF's text has a mark at every line
    end); returns how many marks there were."""
    text, pair = t.text, mark + "\n"
    drop: list[tuple[int, int]] = []
    q = text.find(pair)
    while q >= 0:
        drop.append((q + 1, q + 2))
        q = text.find(pair, q + 2)
    if drop:
        t.delete(drop)
    n = t.text.count(mark)
    t.text = t.text.replace(mark, into)
    return n


def _line_ends(t: Tracked, doc: Document) -> list[str]:
    _ending_line(t, "\r", "\n")  # "\r\n" and a lone "\r": one line end
    return ["line-end-hyphen"] if _ending_line(t, "\ufffe", "-") else []  # pdfium: a hyphen that ended a line


def _page_furniture(t: Tracked, doc: Document) -> list[str]:
    spans = _furniture_spans(doc)
    if not spans:
        return []
    t.delete_raw(sorted(spans))
    return ["page-furniture"]


def _marks(t: Tracked, doc: Document) -> list[str]:
    """A mark after a space belongs to the letter before it (a word glued after it gets the
    space back); decomposed letters composed."""
    kinds: list[str] = []
    strays = _at_letter_before(t.text, _mark_starts(t.text, spaced=True), _STRAY_MARK)
    if t.sub_matches(strays, lambda m: m.group(1) + m.group(2) + (" " if m.group(3) else "")):
        kinds.append("combining-marks")
    decomposed = _at_letter_before(t.text, _mark_starts(t.text, spaced=False), _DECOMPOSED)
    if t.sub_matches(decomposed, lambda m: unicodedata.normalize("NFC", m.group(0))):
        kinds.append("nfc")
    return kinds


def _characters(t: Tracked, doc: Document) -> list[str]:
    """Look-alike letters, dashes, quotes, odd spaces to their plain forms; runs of spaces to one."""
    kinds = list(dict.fromkeys(kind for ch, kind in _REPAIR_KIND.items() if ch in t.text))
    t.sub(_CHARS, lambda m: _CHAR_MAP[m.group(0)])
    _sub_if(t, "  ", _SPACES, " ")
    return kinds


def _split_words(t: Tracked, doc: Document) -> list[str]:
    return ["split-words"] if _join_split_words(t) else []


def _paragraphs(t: Tracked, doc: Document) -> list[str]:
    _sub_if(t, "\f", _FORM_FEED, "\n")  # furniture is gone: a page break is a line break
    return ["paragraphs"] if _join_lines(t) else []


def _ocr_mistakes(t: Tracked, doc: Document) -> list[str]:
    """OCR's own mistakes (symbols, lost tones), on OCR'd pages only."""
    if not doc.ocr_pages:
        return []
    from . import ocr_repair

    return ocr_repair.repair_tracked(t, doc)


def _tidy(t: Tracked, doc: Document) -> list[str]:
    """No trailing spaces, no blank lines, single spaces, and NFC whatever the passes missed."""
    if " \n" in t.text or "\n " in t.text:  # what _TRAILING needs
        t.sub(_TRAILING, "")
    _sub_if(t, "\n\n", _BLANK_LINES, "\n")
    _sub_if(t, "  ", _SPACES, " ")
    if not unicodedata.is_normalized("NFC", t.text):
        t.sub(_GRAPHEME, lambda m: unicodedata.normalize("NFC", m.group(0)))
    return []


_FORM_FEED = regex.compile(r"\f")
_BLANK_LINES = regex.compile(r"\n{2,}")
_GRAPHEME = regex.compile(r"\X")
# the repairs in order; each changes the tracked text and names the kinds it applied
STEPS = (_legacy_fonts, _line_ends, _page_furniture, _marks, _characters, _split_words, _paragraphs,
         _ocr_mistakes, _tidy)


def repair(doc: Document) -> Document:
    """Repair ``doc.raw_text`` into ``doc.text`` (with ``doc.origin``), recording repair kinds."""
    t = Tracked(doc.raw_text)
    repairs: list[str] = list(doc.repairs)
    for step in STEPS:
        repairs.extend(kind for kind in step(t, doc) if kind not in repairs)
    doc.text, doc.origin = t.text, t.origin
    doc.repairs = repairs
    return doc
