"""Find: every place the text cites a document, read into a :class:`Citation`.

Two passes over the repaired text with the compiled grammar: symbols
("309/KH-UBND", "130/2005/NĐ-CP", "18-NQ/TW", "508/UBND-VP") and typed numbers
without a symbol ("Nghị quyết số 18"). Around each, the words that make the
citation are read: the type word and "số" before it (or the title of a law),
the date after it (or "Ngày 08/02/2022 … đã ban hành" before it), the issuer
("của UBND tỉnh Hải Dương" after, or "Hội đồng nhân dân tỉnh … đã ban hành"
before) and the subject (trích yếu) up to the end of its clause.

A citation knows nothing of the other citations or of the report; joining them
into documents is :mod:`references_resolve`.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, replace

import regex

from .dates import DateMatch, iter_dates
from .references_grammar import REGEX_TIMEOUT, DocType, Grammar

_LEAD_WINDOW = 80      # chars before a symbol where its type word and "số" may be
_CLAUSE_WINDOW = 200   # chars before a citation searched for a law title, a date or a body
_SUBJECT_MAX = 300
_CLAUSE_START = regex.compile(r"[;\n(]|\.(?=\s)")
_COMMA_CLAUSE_START = regex.compile(r"[;\n(,]|\.(?=\s)")
_HEADER_NUMBER = regex.compile(r"Số[ \t]*:")
_GAP = regex.compile(r"[ \t]{0,2},?[ \t]{0,2}")
_OF = regex.compile(r"[ \t]{0,2},?[ \t]{0,2}của[ \t\n]{1,3}")
_ISSUING = regex.compile(r"(?<![\p{L}])(?:ban hành|ký)(?![\p{L}])")
_SUBJECT_LEAD = regex.compile(r"[ \t:\-]{0,3}")
_LIST_GAP = regex.compile(r"[ \t\n]{0,2}(?:,|và|,[ \t]và)[ \t\n]{1,2}\Z")


@dataclass(frozen=True)
class Citation:
    """One mention of one document, as written."""

    start: int                       # the mention span (type word … date)
    end: int
    number: str | None
    symbol: str | None = None        # canonical: no spaces, "6773/KH-UBND"
    stated: DocType | None = None    # the type the text names
    coded: DocType | None = None     # the type the symbol's code names
    kind: str | None = None
    year: int | None = None          # of a normative symbol
    issuer_code: str | None = None
    date: dt.date | None = None
    date_written: DateMatch | None = None  # also impossible dates ("31/02/2022")
    issuer: str | None = None        # the body as the text names it
    subject: str | None = None
    own: bool = False                # the report's own number ("Số: 165/BC-UBND")
    mismatch: bool = False           # stated type is not the symbol's ("Quyết định số 04/KH-UBND")

    @property
    def type(self) -> DocType | None:
        """The stated type, else the symbol's."""
        return self.stated or self.coded


# ------------------------------------------------------------------ around a citation
def _clause_start(text: str, pos: int, pattern: regex.Pattern = _CLAUSE_START) -> int:
    lo = max(0, pos - _CLAUSE_WINDOW)
    last = lo
    for m in pattern.finditer(text, lo, pos):
        last = m.end()
    return last


def _is_header_number(text: str, start: int, sym_start: int) -> bool:
    """"Số: 165/BC-UBND" at the start of a line is the report's own number."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(_HEADER_NUMBER.match(text, start, sym_start))


def _lead(text: str, sym_start: int, g: Grammar) -> tuple[int, DocType | None, int | None]:
    """Start of the mention, the stated type, and where "số" was written (None
    when it was not)."""
    lo = max(0, sym_start - _LEAD_WINDOW)
    m = g.lead_re.search(text, lo, sym_start, timeout=REGEX_TIMEOUT)
    if m is None:
        return sym_start, None, None
    stated = g.type_of_word(m.group("tw")) if m.group("tw") else None
    so = m.start("so") if m.group("so") else m.start("so2") if m.group("so2") else None
    return m.start(), stated, so


def _titled(text: str, lead_start: int, g: Grammar) -> tuple[int, DocType, str] | None:
    """A law named by its title before "số": "Luật Cán bộ, công chức số 89/2025/QH15".

    The earliest title word of the clause after any other symbol, so that "Luật
    sửa đổi, bổ sung một số điều của Luật Ban hành … số 87/2025/QH15" is the
    amending law.
    """
    lo = _clause_start(text, lead_start)
    for m in g.symbol_re.finditer(text, lo, lead_start, timeout=REGEX_TIMEOUT):
        lo = m.end()
    m = g.titled_re.search(text, lo, lead_start, timeout=REGEX_TIMEOUT)
    if m is None:
        return None
    title = " ".join(text[m.end():lead_start].split())
    return m.start(), g.by_name[" ".join(m.group(0).split())], title


def _date_after(text: str, pos: int) -> DateMatch | None:
    gap = _GAP.match(text, pos)
    for d in iter_dates(text, gap.end(), min(len(text), gap.end() + 40)):
        return d if d.start == gap.end() else None
    return None


def _issuer_after(text: str, pos: int, g: Grammar) -> regex.Match | None:
    m = _OF.match(text, pos)
    if m is None:
        return None
    return g.issuer_re.match(text, m.end(), timeout=REGEX_TIMEOUT)


def _date_before(text: str, lead_start: int, g: Grammar) -> DateMatch | None:
    """"Ngày 31/12/2021 UBND xã ban hành số 311/KH-UBND": a clause that opens with
    a date and issues the document, with no symbol between."""
    lo = _clause_start(text, lead_start)
    dates = [d for d in iter_dates(text, lo, lead_start) if d.has_keyword]
    if not dates:
        return None
    d = dates[0]
    opening = text[lo:d.start]
    if len(opening.strip(" \t-+*")) > 12:  # "Đến ngày …", "- Ngày …", not a date deep in the clause
        return None
    between = text[d.end:lead_start]
    # "Ngày 06/01/2023, UBND phường Long Anh đã có Quyết định số 04/QĐ-UBND": the grammar's
    # issue verbs ("có", "ký", "ban hành") right before the citation
    if len(between) > 150 or not (_ISSUING.search(between) or g.verb_tail_re.search(between)):
        return None
    if g.symbol_re.search(between, timeout=REGEX_TIMEOUT):
        return None
    return d


def _issuer_before(text: str, lead_start: int, after: int, g: Grammar) -> str | None:
    """"Hội đồng nhân dân tỉnh Bến Tre cũ đã ban hành Nghị quyết số …"."""
    lo = max(after, _clause_start(text, lead_start, _COMMA_CLAUSE_START))
    for m in g.issuer_re.finditer(text, lo, lead_start, timeout=REGEX_TIMEOUT):
        if g.verb_tail_re.match(text, m.end(), lead_start):
            return m.group("body")
    return None


def _subject(text: str, pos: int, limit: int, g: Grammar, *, full: bool) -> str | None:
    """The trích yếu from ``pos`` to the end of its clause (not past ``limit``).

    A short citation (no date, no issuer) in running text is usually followed by
    the sentence's predicate, not a subject: then only "về …"/"V/v …" counts.
    """
    pos = _SUBJECT_LEAD.match(text, pos).end()
    end = min(limit, pos + _SUBJECT_MAX, len(text))
    stop = g.subject_stop_re.search(text, pos, end, timeout=REGEX_TIMEOUT)
    if stop is not None:
        end = stop.start()
    depth = 0
    for i in range(pos, end):  # an unbalanced ")" closes the citation's parenthesis
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth < 0:
                end = i
                break
    s = " ".join(text[pos:end].split()).rstrip(" ,.:;-")
    s = g.subject_tail_re.sub("", s)
    if not s or not regex.match(r"\p{L}", s):
        return None
    if not full and not regex.match(r"(?i:về|v/v)(?![\p{L}])", s):
        return None
    if g.predicate_re.match(s):
        return None
    return s


def _read_after(text: str, pos: int, g: Grammar) -> tuple[int, DateMatch | None, str | None, int]:
    """Date and issuer after the symbol, in either order; returns the mention
    end, the date, the issuer and where the subject may start."""
    date, issuer, mention_end, rest = None, None, pos, pos
    for _ in range(3):
        d = _date_after(text, rest) if date is None else None
        if d is not None:
            date, mention_end, rest = d, d.end, d.end
            continue
        m = _issuer_after(text, rest, g)
        if m is None:
            break
        issuer = issuer or m.group("body")
        rest = m.end()
    return mention_end, date, issuer, rest


def _complete(text: str, found: Citation, limit: int, g: Grammar) -> Citation:
    """Read the date, issuer and subject around a found citation (whose span is
    still its lead and number)."""
    mention_end, date, issuer, rest = _read_after(text, found.end, g)
    date = date or found.date_written  # a law's date is read with its title
    if date is None:
        date = _date_before(text, found.start, g)
    if issuer is None:
        after = date.end if date is not None and date.end <= found.start else 0
        issuer = _issuer_before(text, found.start, after, g)
    subject = found.subject or _subject(text, rest, limit, g, full=bool(date or issuer))
    return replace(found, end=mention_end, date=date.date if date else None, date_written=date,
                   issuer=issuer, subject=subject)


def _symbol_citation(text: str, m: regex.Match, g: Grammar) -> Citation:
    sym = g.read_symbol(m)
    start, stated, so = _lead(text, m.start(), g)
    title = None
    if stated is not None and stated.name in g.spec.titled_types and text[start].islower() \
            and so is not None:
        stated, start = None, so  # "… pháp luật số 64/2025/QH15": the law's title comes earlier
    if stated is None and so is not None and sym.kind == "normative":
        titled = _titled(text, so, g)
        if titled is not None:
            start, stated, title = titled
    own = (stated is None and _is_header_number(text, start, m.start())) \
        or bool(g.attached_re.search(text, max(0, start - 20), start))
    mismatch = bool(stated and sym.coded and sym.has_code and not g.compatible(stated, sym.coded))
    return Citation(start=start, end=m.end(), number=sym.number, symbol=sym.symbol,
                    stated=stated, coded=sym.coded, kind=sym.kind, year=sym.year,
                    issuer_code=sym.issuer_code, subject=title or None, own=own, mismatch=mismatch)


def _number_citation(m: regex.Match, g: Grammar) -> Citation | None:
    stated = g.type_of_word(m.group("tw"))
    if stated is None:  # "văn bản số 5": a generic word names no type
        return None
    kind = "administrative" if stated.kind in ("party", "official_letter") else stated.kind
    return Citation(start=m.start(), end=m.end(), number=m.group("num"), stated=stated, kind=kind)


def _dated_title_citation(text: str, m: regex.Match, g: Grammar) -> Citation | None:
    """"Luật Cán bộ, công chức ngày 24/6/2025": a law cited by its title and date."""
    date = next(iter_dates(text, m.end() - len("ngày "), min(len(text), m.end() + 30)), None)
    if date is None or date.start > m.end():
        return None
    return Citation(start=m.start(), end=date.end, number=None, stated=g.by_name[m.group("tw")],
                    kind="normative", subject=" ".join(m.group("title").split()),
                    date=date.date, date_written=date)


def _limit(text: str, found: list[Citation], i: int, g: Grammar) -> int:
    """Where the subject of citation ``i`` must end: at the next citation, unless
    the words before it call for an object ("triển khai thực hiện Nghị quyết số …")."""
    if i + 1 >= len(found):
        return len(text)
    nxt = found[i + 1].start
    if _backward(g.continues_re).search(text, found[i].end, nxt, timeout=REGEX_TIMEOUT):
        return found[i + 2].start if i + 2 < len(found) else len(text)
    return nxt


@functools.lru_cache(maxsize=16)
def _backward(pattern: regex.Pattern) -> regex.Pattern:
    """``pattern`` matched from the end of the searched range: the same answer to "is there a match?" for a
    pattern without atomic groups or possessive quantifiers, and at once for one anchored at its end
    (``\\Z``) instead of a try at every position of a long gap between two citations."""
    return regex.compile(pattern.pattern, pattern.flags | regex.REVERSE)


def _numbers_something_else(text: str, c: Citation, g: Grammar) -> bool:
    """"Mẫu số 01/BC-UBND", "Điều 5/QĐ-UBND": a form or an article, not a document."""
    if c.stated is not None:
        return False
    return bool(g.not_ref_re.search(text, max(0, c.start - 20), c.start, timeout=REGEX_TIMEOUT))


def _overlaps(m: regex.Match, spans) -> bool:
    return any(start < m.end() and m.start() < end for start, end in spans)


def _add_where_free(found: list[Citation], matches, build, spans=None) -> None:
    """Append ``build(m)`` for each match overlapping no citation yet (or none of ``spans``)."""
    for m in matches:
        if not _overlaps(m, spans if spans is not None else [(c.start, c.end) for c in found]):
            c = build(m)
            if c is not None:
                found.append(c)


def find_citations(text: str, g: Grammar) -> list[Citation]:
    """Every citation in ``text``, in reading order: by symbol, then by number alone
    ("Nghị quyết số 18") where no symbol is, then a law by its title and date where no
    citation is."""
    found = [c for c in (_symbol_citation(text, m, g)
                         for m in g.symbol_re.finditer(text, timeout=REGEX_TIMEOUT))
             if not _numbers_something_else(text, c, g)]
    _add_where_free(found, g.number_ref_re.finditer(text, timeout=REGEX_TIMEOUT), lambda m: _number_citation(m, g),
                    spans=[(c.start, c.end) for c in found])
    _add_where_free(found, g.dated_title_re.finditer(text, timeout=REGEX_TIMEOUT),
                    lambda m: _dated_title_citation(text, m, g))
    found.sort(key=lambda c: c.start)
    done = [_complete(text, c, _limit(text, found, i, g), g) for i, c in enumerate(found)]
    return _share_list_dates(text, done)


def _share_list_dates(text: str, cites: list[Citation]) -> list[Citation]:
    """"Nghị quyết số 18-NQ/TW, số 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành …": the
    date and body written after the last symbol of a list belong to every symbol of it.
    A member takes them only when it has neither, and the next one is written with no
    type word of its own ("số 19-NQ/TW", "và 19-NQ/TW") right after a comma or "và"."""
    out = list(cites)
    for i in range(len(out) - 2, -1, -1):
        c, nxt = out[i], out[i + 1]
        if c.date_written is not None or c.issuer or c.subject or nxt.date_written is None:
            continue
        if nxt.stated is not None or not c.symbol or not nxt.symbol or c.kind != nxt.kind:
            continue
        if not _LIST_GAP.match(text[c.end:nxt.start]):
            continue
        out[i] = replace(c, date=nxt.date, date_written=nxt.date_written, issuer=nxt.issuer)
    return out
