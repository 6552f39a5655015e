"""The phrasings of ``patterns/indicators.yaml``: the file's schema, and the rules and
vocabulary compiled from it once per Patterns object (:func:`compiled`), which
:mod:`.indicators` asks which code a figure states."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import regex
from pydantic import ConfigDict, Field

from .. import patterns

Kind = Literal["count", "percent", "ratio", "money", "other"]


class Unless(patterns.Schema):
    model_config = ConfigDict(extra="forbid")

    present: str
    code: str | None
    within: Literal["section", "breakdown"] = "section"  # where the other code must be stated


class Rule(patterns.Schema):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    code: str
    kinds: list[Kind]
    take: Literal["part", "whole"] = "part"
    units: list[str | None] | None = None
    all_: list[str] = Field(default_factory=list, alias="all")
    context: list[str] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)
    none_context: list[str] = Field(default_factory=list)
    near: list[str] = Field(default_factory=list)
    also: list[str] = Field(default_factory=list)
    unless: Unless | None = None


class Zero(patterns.Schema):
    model_config = ConfigDict(extra="forbid")

    codes: list[str]
    pattern: str


class IndicatorSpec(patterns.Schema):
    model_config = ConfigDict(extra="forbid")

    target_sections: list[str]
    targets: list[str]
    averages: list[str] = Field(default_factory=list)
    stocks: str | None = None  # codes of stocks (a count at a date), not flows of a period
    joined: list[str]
    openers: list[str]
    weak_words: list[str]
    names: list[str]
    one_stop_names: list[str] = Field(default_factory=list)
    respectively: list[str] = Field(default_factory=list)
    predicates: list[str] = Field(default_factory=list)
    coordinators: list[str] = Field(default_factory=list)
    predicate_openers: list[str] = Field(default_factory=list)
    parts_of: dict[str, list[str]] = Field(default_factory=dict)
    field_line: str
    inline_field: str | None = None
    field_after: str | None = None
    zeros: list[Zero]
    rules: list[Rule]


_source = patterns.spaced


def _words(p: str, flags: int = regex.I) -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + _source(p) + r")(?![\p{L}\p{N}])", flags)


@dataclass
class CompiledRule:
    rule: Rule
    all_: list[regex.Pattern]
    context: list[regex.Pattern]
    none: list[regex.Pattern]
    none_context: list[regex.Pattern]
    near: list[regex.Pattern]

    def admits(self, kind: str, unit: str | None) -> bool:
        """The figure's kind and unit are ones the rule reads."""
        r = self.rule
        if kind not in r.kinds or (r.take == "whole" and kind != "ratio"):
            return False
        return r.units is None or unit in r.units

    def words_fit(self, local: str, context: str, near: str) -> bool:
        """Its clause, sentence and neighbourhood say what the rule asks, and nothing it excludes."""
        return (all(p.search(local) for p in self.all_) and all(p.search(context) for p in self.context)
                and not any(p.search(local) for p in self.none)
                and not any(p.search(context) for p in self.none_context)
                and all(p.search(near) for p in self.near))


@dataclass
class Compiled:
    spec: IndicatorSpec
    rules: list[CompiledRule]
    target_sections: regex.Pattern
    targets: regex.Pattern
    joined: regex.Pattern
    delimiters: regex.Pattern
    weak: regex.Pattern
    names: regex.Pattern
    one_stop: regex.Pattern
    respectively: regex.Pattern
    predicate: regex.Pattern
    field_line: regex.Pattern
    inline_field: regex.Pattern | None
    zeros: list[tuple[list[str], regex.Pattern]]
    field_after: regex.Pattern | None = None
    stocks: regex.Pattern | None = None
    averages: regex.Pattern | None = None
    predicate_opener: regex.Pattern | None = None
    coordinator: regex.Pattern | None = None
    zeros_any: regex.Pattern | None = None  # matches where one of ``zeros`` does
    # (take, kind, unit) -> the rules that read such a figure, in order (filled as figures come)
    admitted: dict = field(default_factory=dict, repr=False, compare=False)

    def admitting(self, take: str, kind: str, unit: str | None) -> list[CompiledRule]:
        """The rules of ``take`` whose kinds and units admit a figure: only their words are then tried."""
        key = (take, kind, unit)
        found = self.admitted.get(key)
        if found is None:
            found = self.admitted[key] = [r for r in self.rules if r.rule.take == take and r.admits(kind, unit)]
        return found


def _any(ps: list[str], flags: int = regex.I) -> regex.Pattern:
    return _words("|".join(f"(?:{p})" for p in ps), flags)


def _ending(ps: list[str]) -> regex.Pattern:
    """Words of ``ps`` at the end of a text (a coordinator right before a figure); none: never."""
    alt = "|".join(f"(?:{_source(p)})" for p in ps) or "(?!x)x"
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + alt + r")\s*$", regex.I)


_NEVER = "(?!x)x"


def _any_or_none(ps: list[str]) -> regex.Pattern:
    """Any of ``ps`` as whole words; an empty list matches nothing."""
    return _any(ps or [_NEVER])


def _optional(p: str | None) -> regex.Pattern | None:
    return regex.compile(_source(p), regex.I) if p else None


@patterns.memoised
def compiled() -> Compiled:
    spec = patterns.load("indicators.yaml", IndicatorSpec)
    rules = [CompiledRule(r, [_words(p) for p in r.all_], [_words(p) for p in r.context],
                          [_words(p) for p in r.none], [_words(p) for p in r.none_context],
                          [_words(p) for p in r.near]) for r in spec.rules]
    openers = "|".join(f"(?:{_source(p)})" for p in spec.openers)
    delimiters = regex.compile(r"(?P<d>[;,:()])|(?<![\p{L}])(?P<opener>" + openers + r")(?![\p{L}])", regex.I)
    weak = regex.compile(r"(?<![\p{L}])(?:" + "|".join(_source(w) for w in
                                                       sorted(spec.weak_words, key=len, reverse=True))
                         + r")(?![\p{L}])", regex.I)
    zeros = [(z.codes, _words(z.pattern)) for z in spec.zeros]
    return Compiled(spec, rules, _any(spec.target_sections), _any(spec.targets), _any(spec.joined),
                    delimiters,
                    weak, _any(spec.names), _any_or_none(spec.one_stop_names),
                    _any_or_none(spec.respectively), _any_or_none(spec.predicates),
                    regex.compile(_source(spec.field_line)),
                    _optional(spec.inline_field),
                    zeros,
                    field_after=_optional(spec.field_after), stocks=regex.compile(spec.stocks or _NEVER),
                    averages=_any_or_none(spec.averages),
                    predicate_opener=_any_or_none(spec.predicate_openers),
                    coordinator=_ending(spec.coordinators),
                    zeros_any=_either([z for _, z in zeros]))


# a global flag or a numbered back-reference: a pattern that would change the others when joined to them
_UNJOINABLE = regex.compile(r"\\[1-9]|\\g<?\d|\(\?[a-zA-Z]+\)")


def _either(ps: list[regex.Pattern]) -> regex.Pattern | None:
    """One pattern matching wherever one of ``ps`` matches (a test before trying each), or None when
    they cannot be joined as they are."""
    if not ps or len({p.flags for p in ps}) != 1 or any(_UNJOINABLE.search(p.pattern) for p in ps):
        return None
    return regex.compile("|".join(f"(?:{p.pattern})" for p in ps), ps[0].flags)

