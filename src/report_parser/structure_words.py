"""The words of a document's layout (``patterns/structure.yaml``): one schema and one reader
for the stages that need them, each in its own layer: the structure (sentence abbreviations,
part headings), normalize (the lines a broken line is never joined into) and the metadata
(where a title or a signature block ends)."""
from __future__ import annotations

import regex
from pydantic import BaseModel, ConfigDict

from . import patterns

FILE = "structure.yaml"


class StructureWords(BaseModel):
    """Schema of ``patterns/structure.yaml``."""

    model_config = ConfigDict(extra="forbid")
    abbreviations: list[str]
    part_headings: list[str]
    block_headings: list[str]
    caps_headings: list[str]
    line_openers: list[str]


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


@patterns.memoised
def appendix_heading() -> regex.Pattern:
    """A line opening with an appendix's heading word ("PHỤ LỤC", "Phụ lục II", "Biểu mẫu 1")
    in any case: a signature block is over."""
    heads = patterns.alternation(words().caps_headings).replace("\\ ", r"\s")  # escaped spaces: any one
    return regex.compile(rf"(?i)^(?:{heads})\b")
