"""Extractors: each a function from a :class:`Context` (the repaired document and
its structure) to records of the contract."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from ..models import Mention
from ..patterns import Patterns, current
from ..structure import Structure


@dataclass
class Context:
    doc: Document
    structure: Structure
    cache: dict = field(default_factory=dict)  # extractors share intermediate results here
    patterns: Patterns = field(default_factory=current)  # the vocabulary of this parse

    @property
    def text(self) -> str:
        return self.doc.text

    def page_of(self, offset: int) -> int:
        return self.doc.page_of(offset)

    def mention(self, start: int, end: int) -> Mention:
        return Mention(page=self.page_of(start), start=start, end=end, text=self.text[start:end])

    def sentence(self, offset: int) -> str | None:
        return self.structure.sentence_text(offset)

    def section(self, offset: int) -> str | None:
        return self.structure.path_at(offset)
