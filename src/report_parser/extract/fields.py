"""Procedure fields (lĩnh vực): one name per field, however a commune writes it.

A per-field figure ("+ Lĩnh vực Hộ Tịch: …", a grid row "Tư pháp - Hộ tịch") is
aggregated by ``dimension.field`` across communes, so the name must be the same
everywhere. The vocabulary is ``patterns/fields.jsonl`` in spaCy's pattern format
(a phrase for a ``PhraseMatcher`` on lower-cased tokens, or a token-pattern list
for a ``Matcher``), over a blank Vietnamese pipeline: no model download, no pyvi.
A name that is exactly a known phrase is resolved by a dictionary; spaCy (whose
import costs about a second) is loaded only for names that need matching inside
longer text. A name matching nothing is kept as written.
"""
from __future__ import annotations

from typing import Any

import regex
from pydantic import ConfigDict, field_validator

from .. import patterns
from ..vietnamese import one_tone_placement

_LEAD = regex.compile(r"^\s*(?:[-+•*]\s*)?(?:lĩnh\s+vực\s*)?[:\-]?\s*", regex.I)


class FieldPattern(patterns.Schema):
    model_config = ConfigDict(extra="forbid")  # a misspelt key (a district overlay's) is an error
    label: str
    pattern: str | list[dict[str, Any]]

    @field_validator("pattern")
    @classmethod
    def _not_empty(cls, v):
        if not v:
            raise ValueError("empty pattern")
        return v


def fold(text: str) -> str:
    """Lower-case with one tone placement; keeps the length, so spans still fit the text."""
    return one_tone_placement(text.lower())


def _clean(name: str) -> str:
    return " ".join(_LEAD.sub("", name).split()).strip(" .;:,")


@patterns.memoised
def _vocabulary() -> tuple[dict[str, str], list[FieldPattern]]:
    entries = patterns.load("fields.jsonl", list[FieldPattern])
    exact = {fold(e.pattern): e.label for e in entries if isinstance(e.pattern, str)}
    return exact, entries


@patterns.memoised
def _matchers():
    import spacy  # lazily: only names that are not exact phrases need it
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    tokens = Matcher(nlp.vocab)
    for e in _vocabulary()[1]:
        if isinstance(e.pattern, str):
            phrases.add(e.label, [nlp.make_doc(fold(e.pattern))])
        else:
            _add_tokens(tokens, e)
    return nlp, phrases, tokens


def _add_tokens(matcher, e: FieldPattern) -> None:
    """Add a token pattern; spaCy's multi-line complaint about a bad one becomes one PatternError line."""
    from spacy.errors import MatchPatternError

    try:
        matcher.add(e.label, [e.pattern])
    except MatchPatternError as err:
        detail = next((line.strip(" -") for line in str(err).splitlines() if line.strip().startswith("- [")), str(err))
        raise patterns.PatternError(f"patterns/fields.jsonl: the token pattern of {e.label!r} is not a spaCy "
                                    f"pattern: {' '.join(detail.split())}") from None


def canonical_field(name: str) -> str:
    """The vocabulary's name of a procedure field, or the name as written (cleaned).

    >>> canonical_field("Lĩnh vực Hộ Tịch")
    'Hộ tịch'
    """
    cleaned = _clean(name)
    if not cleaned:
        return cleaned
    exact, _ = _vocabulary()
    hit = exact.get(fold(cleaned))
    if hit is not None:
        return hit
    nlp, phrases, tokens = _matchers()
    doc = nlp.make_doc(fold(cleaned))
    found = [(s, e, nlp.vocab.strings[i]) for i, s, e in list(phrases(doc)) + list(tokens(doc))]
    if not found:
        return cleaned
    # the longest match, then the first: "Tư pháp - Hộ tịch" over "Hộ tịch"
    s, e, label = max(found, key=lambda m: (m[1] - m[0], -m[0]))
    # only when the match is most of the name: "Hộ tịch (khai sinh, khai tử)" yes, a sentence no
    if len(doc[s:e].text) * 2 < len(regex.sub(r"\([^)]*\)", "", doc.text).strip()):
        return cleaned
    return label
