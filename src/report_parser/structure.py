"""Sections, paragraphs and sentences of the repaired text.

Headings follow the usual layout of an administrative report: ``I.`` / ``1.`` /
``a.`` (bullets ``-`` and ``+`` are list items inside a section). Above them a report
may have parts (level 0): "A. KẾT QUẢ …" / "B. PHƯƠNG HƯỚNG …", "Phần thứ hai", or,
once the body has begun, a heading in capitals without a number ("NHIỆM VỤ TRỌNG TÂM
QUÝ II NĂM 2024") that the document prints only once (a running page header repeats). Everything
after a ``PHỤ LỤC`` line is the appendix, whose numbered lines are form rows,
not sections. Any offset knows its section path (``II.2.c``) and sentence.
"""
from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex
from pydantic import ConfigDict

from . import patterns, structure_words
from .document import Document
from .vietnamese import is_caps

_ROMAN = regex.compile(r"^(?:PHẦN\s+\S+\s*[-:.]?\s*)?([IVXLC]{1,6})\s*[.)]\s*(\S.*)$")
_NUMBER = regex.compile(r"^(\d{1,2})\s*[.)]\s+(\p{Lu}.*)$")
_LETTER = regex.compile(r"^([a-zđ])\s*[.)]\s+(\S.*)$")
# a part lettered above the roman sections ("B. PHƯƠNG HƯỚNG, NHIỆM VỤ …"; C, I, V… are roman)
_PART_LETTER = regex.compile(r"^([ABDĐEGH])\s*[.)]\s+(\p{Lu}.*)$")
# a part word's number: "Phần thứ hai", "PHẦN II", "Chương 1" ("Chương trình …", "Phần lớn …" open sentences)
_PART_NUMBER = regex.compile(r"\s+(?:(?:thứ|THỨ)\s+\p{L}+|[IVXLC]{1,5}|\d{1,2})(?![\p{L}\d])")
# an unnumbered heading in capitals: words (and a period's figures) only, three or more
_CAPS_HEADING = regex.compile(r"^[\p{Lu}\d][\p{Lu}\d\s,/-]+$")
CAPS_HEADING_WORDS = 3
CAPS_HEADING_MAX = 120


class _FormHeading(patterns.Schema):
    """The part of ``patterns/table_units.yaml`` read here: the heading of an appendix form."""

    model_config = ConfigDict(extra="ignore")
    form_heading: str


@patterns.memoised
def _form() -> regex.Pattern:
    """A form's heading line ("Biểu mẫu 7: ...", "MẪU SỐ 03"): its number, then its title."""
    return regex.compile(patterns.load("table_units.yaml", _FormHeading).form_heading + r"\s*[.:-]?\s*(.*)$")


@patterns.memoised
def _abbrev() -> regex.Pattern:
    words = structure_words.words().abbreviations
    return regex.compile(rf"(?:\b(?:{patterns.alternation(words)})|\b\p{{Lu}})\.$")


_SENT_END = regex.compile(r"[.!?]+[\"')]*(?=\s+[\"'(]?[\p{Lu}\d+\-])|\./\.")


@dataclass
class Section:
    path: str
    title: str
    start: int
    end: int
    level: int
    kind: str = "body"  # body | appendix | form
    head_end: int | None = None  # end of the heading's own line(s), for a part


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Structure:
    text: str
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    appendix_start: int | None = None

    def __post_init__(self) -> None:
        self._sec_starts = [s.start for s in self.sections]
        self._sent_starts = [s.start for s in self.sentences]
        self._by_level: list[Section] | None = None  # the sections outermost first, sorted once

    def section_at(self, offset: int) -> Section | None:
        """The innermost section holding ``offset``."""
        i = bisect.bisect_right(self._sec_starts, offset) - 1
        best = None
        while i >= 0:
            s = self.sections[i]
            if s.start <= offset < s.end:
                if best is None or s.level > best.level:
                    best = s
                if s.level == 1:
                    break
            i -= 1
        return best

    def path_at(self, offset: int) -> str | None:
        s = self.section_at(offset)
        return (s.path or None) if s else None

    def sentence_at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentences_in(self, start: int, end: int) -> list[Span]:
        """The sentences starting in [start, end): by bisection, so a pass over every paragraph stays linear."""
        return self.sentences[bisect.bisect_left(self._sent_starts, start):bisect.bisect_left(self._sent_starts, end)]

    def sentence_text(self, offset: int) -> str | None:
        s = self.sentence_at(offset)
        return self.text[s.start:s.end] if s else None

    def in_appendix(self, offset: int) -> bool:
        return self.appendix_start is not None and offset >= self.appendix_start

    def in_part_heading(self, offset: int) -> bool:
        """``offset`` lies in a part's heading line(s): a heading names the part, it states no result
        ("A. ĐỀ ÁN ĐÀO TẠO 50 CÁN BỘ KHOA HỌC …")."""
        return any(s.level == 0 and s.start <= offset < (s.head_end or s.start) for s in self.sections)

    def titles_at(self, offset: int) -> list[str]:
        """Titles of every section enclosing ``offset``, outermost first."""
        if self._by_level is None:
            self._by_level = sorted(self.sections, key=lambda s: s.level)
        return [s.title for s in self._by_level if s.start <= offset < s.end]


def lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` of each line of ``text[start:end]``, offsets into ``text``
    (sections here, header and signature lines in metadata)."""
    pos = start
    for line in text[start:len(text) if end is None else end].split("\n"):
        yield pos, line
        pos += len(line) + 1


def _sentences(text: str, start: int, end: int) -> list[Span]:
    out, s = [], start
    para = text[start:end]
    for m in _SENT_END.finditer(para):
        e = start + m.end()
        if _abbrev().search(text[s:e]) and not text[s:e].endswith("./."):
            continue
        if text[s:e].strip():
            out.append(Span(s, e))
        s = e
        while s < end and text[s] == " ":
            s += 1
    if text[s:end].strip():
        out.append(Span(s, end))
    return out


def _heading(line: str) -> tuple[int, str, str] | None:
    """(level, key, title) of a heading line: "II. ..." 1, "3. ..." 2, "b) ..." 3."""
    for level, rx in ((1, _ROMAN), (2, _NUMBER), (3, _LETTER)):
        if m := rx.match(line):
            return level, m.group(1), m.group(2)
    return None


_BODY_LINE = regex.compile(r"^(?:[-+•*]|\p{Lu}\S*\s.*\p{Ll}.{20,})")


def _leads_body(after: list[tuple[int, str]]) -> bool:
    """A line in capitals is a heading when the body follows it (a bullet, a numbered heading or a
    sentence), itself or after one more line in capitals (the title wrapped): a table's header
    cells in capitals are followed by more cells."""
    for _, line in after:
        s = line.strip()
        if _BODY_LINE.match(s) or _heading(s) or _PART_LETTER.match(s):
            return True
        if not is_caps(s):
            return False
    return False


def _part(line: str, in_body: bool, once: bool) -> tuple[str, str] | None:
    """(key, title) of a part heading: lettered, opened by a part word ("Phần thứ hai", its
    title maybe on the next line), or, in the body, an unnumbered heading in capitals."""
    if m := _PART_LETTER.match(line):
        return m.group(1), m.group(2)
    if (m := structure_words.part_heading().match(line)) and (n := _PART_NUMBER.match(line, m.end())):
        return "", line[n.end():].strip(" .:-")
    if in_body and once and len(line) <= CAPS_HEADING_MAX and _CAPS_HEADING.match(line) \
            and len(line.split()) >= CAPS_HEADING_WORDS and is_caps(line):
        return "", line
    return None


@dataclass
class _Outline:
    """The sections found so far while the text is read line by line, and those still open."""

    end: int  # the text's length: where a section still open ends
    sections: list[Section] = field(default_factory=list)
    open_: dict[int, Section] = field(default_factory=dict)
    path: list[str] = field(default_factory=lambda: ["", "", ""])
    last_heading: Section | None = None  # the heading of the line before, if it was one

    def open(self, sec: Section) -> None:
        """Start ``sec``, closing the open sections of its level and below."""
        for lv in list(self.open_):
            if lv >= sec.level:
                self.open_.pop(lv).end = sec.start
        self.sections.append(sec)
        self.open_[sec.level] = sec

    def body_line(self, line: str, pos: int, once: bool) -> None:
        """A heading line opens its section; ``once``: the line is printed once in the text. A line in
        capitals right under a heading is the rest of its title, wrapped."""
        last, self.last_heading = self.last_heading, None
        if last is not None and once and is_caps(line) and _CAPS_HEADING.match(line):
            last.title = f"{last.title} {line}".strip()
            last.head_end = pos + len(line) if last.level == 0 else last.head_end
            self.last_heading = last
            return
        if part := _part(line, bool(self.sections), once):
            self.path = ["", "", ""]
            self.open(Section(part[0], part[1], pos, self.end, 0, head_end=pos + len(line)))
            self.last_heading = self.sections[-1]
            return
        head = _heading(line)
        if head is None:
            return
        level, key, title = head
        if level == 3 and not self.path[0]:
            return  # a lone "a." before any section is not a heading
        self.path[level - 1:] = [key] + [""] * (3 - level)
        self.open(Section(".".join(x for x in self.path[:level] if x), title.strip(), pos, self.end, level))
        self.last_heading = self.sections[-1]

    def appendix_line(self, line: str, pos: int) -> None:
        if m := _form().match(line):
            self.open(Section(f"PL.BM{m.group(1)}", line, pos, self.end, 2, "form"))


def analyse(doc_or_text: Document | str) -> Structure:
    text = doc_or_text.text if isinstance(doc_or_text, Document) else doc_or_text
    outline = _Outline(len(text))
    paragraphs: list[Span] = []
    sentences: list[Span] = []
    appendix_start = None
    appendix_line = structure_words.appendix_start()
    counts = Counter(x.strip() for x in text.split("\n"))
    rows = [(pos, line) for pos, line in lines(text) if line.strip()]
    for i, (pos, line) in enumerate(rows):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        paragraphs.append(Span(pos + lead, pos + len(line.rstrip())))
        sentences.extend(_sentences(text, pos + lead, pos + len(line.rstrip())))
        if appendix_start is not None:
            outline.appendix_line(stripped, pos)
        elif appendix_line.match(stripped):
            appendix_start = pos
            outline.open(Section("PL", stripped, pos, len(text), 1, "appendix"))
        else:
            once = counts[stripped] == 1 and (not is_caps(stripped) or _leads_body(rows[i + 1:i + 3]))
            outline.body_line(stripped, pos, once)
    sections = sorted(outline.sections, key=lambda s: (s.start, s.level))
    return Structure(text, sections, paragraphs, sentences, appendix_start)
