"""The words of a document's layout (``patterns/structure.yaml``): one schema and one reader
for the stages that need them, each in its own layer: the structure (sentence abbreviations,
part headings), normalize (the lines a broken line is never joined into) and the metadata
(where a title or a signature block ends)."""
from __future__ import annotations

import regex
from pydantic import ConfigDict, Field

from . import patterns

FILE = "structure.yaml"


class StructureWords(patterns.Schema):
    """Schema of ``patterns/structure.yaml``."""

    model_config = ConfigDict(extra="forbid")
    abbreviations: list[str]
    part_headings: list[str]
    block_headings: list[str]
    appendix_headings: list[str] = Field(min_length=1)
    form_headings: list[str]
    line_openers: list[str]
    attached_to: list[str] = Field(min_length=1)
    attached_verbs: list[str]

    @property
    def caps_headings(self) -> list[str]:
        """The appendix and form headings in capitals ("PHỤ LỤC", "BIỂU MẪU")."""
        return [w.upper() for w in self.appendix_headings + self.form_headings]


def words() -> StructureWords:
    """``patterns/structure.yaml`` of the active Patterns, validated."""
    return patterns.load(FILE, StructureWords)


@patterns.memoised
def part_heading() -> regex.Pattern:
    """A line opening a part or chapter of a document ("PHẦN II", "Chương 1"), as written or in capitals."""
    heads = words().part_headings
    return regex.compile(rf"^(?:{patterns.alternation(heads + [w.upper() for w in heads])})\b")


@patterns.memoised
def numbered_block() -> regex.Pattern:
    """A block heading word and its number ("Điều 3", "MỤC 2"), as written or in capitals:
    a title does not run on into it."""
    heads = words().block_headings
    return regex.compile(rf"^(?:{patterns.alternation(heads + [w.upper() for w in heads])})\s+\d")


def heading_alternation(heads: list[str], space: str = r"\s") -> str:
    """A regex alternation of heading words (longest first) whose spaces match ``space``."""
    return patterns.alternation(heads).replace("\\ ", space)


@patterns.memoised
def appendix_heading() -> regex.Pattern:
    """A line opening with an appendix's or a form's heading word ("PHỤ LỤC", "Phụ lục II",
    "Biểu mẫu 1") in any case: a signature block is over."""
    return regex.compile(rf"(?i)^(?:{heading_alternation(words().caps_headings)})\b")


@patterns.memoised
def appendix_start() -> regex.Pattern:
    """The line the appendix starts at: "PHỤ LỤC …" in capitals, or a short "Phụ lục [số] II" heading
    line; not a sentence that starts with the words (real 03: "Phụ lục IV: Đề nghị thể hiện … ."),
    not a bullet."""
    v = words()
    caps = heading_alternation([w.upper() for w in v.appendix_headings], r"\s+")
    written = heading_alternation(v.appendix_headings, r"\s+")
    return regex.compile(rf"^(?:(?:{caps})\b.*|(?:{written})(?:\s+(?:số\s*)?[\dIVXLC]+[a-z]?)?\s*[.:]?"
                         r"(?:\s+[^.;]{0,100})?)$")


@patterns.memoised
def weak_heading() -> regex.Pattern:
    """An appendix's or a form's heading as written ("Biểu mẫu 7", "Phụ lục II"), which may also be
    words of a sentence: a line opens with it only after a finished line."""
    v = words()
    return regex.compile(rf"^(?:(?:{heading_alternation(v.form_headings)})\s+(?:số\s*)?\d"
                         rf"|(?:{heading_alternation(v.appendix_headings)})(?:\s+(?:số\s*)?[\dIVXLC]+)?\s*[.:]?\s*$)")


def _capital(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def attached_opener() -> str:
    """An appendix line's opening, as written at the start of a line ("(Kèm theo", "(Ban hành kèm
    theo"): a regex (a space matches one whitespace character)."""
    v = words()
    attached = heading_alternation(v.attached_to)
    opened = heading_alternation([_capital(w) for w in v.attached_to])
    verbs = heading_alternation([_capital(w) for w in v.attached_verbs]) if v.attached_verbs else "(?!)"
    return rf"\(\s*(?:(?:{verbs})\s(?:{attached})|(?:{opened}))"
