#!/usr/bin/env python3
"""Count the Vietnamese word lists left in Python code (the rule: vocabulary is data in
patterns/, no Vietnamese word list of more than 3 entries in src/).

Two kinds are counted, each with its place:
  literal   a list/tuple/set/dict literal with more than 3 string entries (dict: keys or
            values), at least one of them Vietnamese (a letter with a Vietnamese mark, or đ)
  regex     one string constant holding a regex alternation (a|b|c|d) of more than 3
            alternatives, at least one of them Vietnamese
Not counted: docstrings, character classes ("[a-zđ]" is the alphabet), and spelling
tables (every entry one character, a lower-case syllable part of at most 3 letters, or
legacy font bytes: vietnamese.py's onsets and nuclei, the TCVN3/VNI maps), which are the
orthography the code implements, not vocabulary.

Usage: python3 scripts/count_word_lists.py [SRC] [-v]   (default SRC: src/)
"""
from __future__ import annotations

import ast
import re
import sys
import unicodedata
from pathlib import Path

MAX_ENTRIES = 3
_MARKED = re.compile(r"[đĐ]|[^\x00-\x7f]")


def is_vietnamese(s: str) -> bool:
    """A word with a Vietnamese letter: đ, or a Latin letter carrying a combining mark."""
    if "đ" in s.lower():
        return True
    return any(unicodedata.category(c) == "Mn" for c in unicodedata.normalize("NFD", s)
               if c != "\u0338") and any(c.isalpha() for c in s)


def _foreign(c: str) -> bool:
    """A character no Vietnamese word is written with (legacy font bytes such as "¸µ¶")."""
    base = unicodedata.normalize("NFD", c)[0]
    return not (base.isascii() or base in "đĐ")


def _is_spelling_table(entries: list[str]) -> bool:
    """Letters, syllable parts or font bytes: each entry one character, a short lower-case
    fragment ("ngh", "oai"), punctuation, or written with characters of no Vietnamese word."""
    def spelling(e: str) -> bool:
        e = unicodedata.normalize("NFC", e).strip()
        return not any(c.isalpha() for c in e) or len(e) <= 1 or (len(e) <= 3 and e.islower() and " " not in e) or any(_foreign(c) for c in e)
    return all(spelling(e) for e in entries)


def _docstrings(tree: ast.AST) -> set[int]:
    return {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}


def _strings(nodes) -> list[str]:
    return [n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def literal_lists(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            groups = [_strings(node.elts)]
        elif isinstance(node, ast.Dict):  # a map from letters (a font table) is spelling, values too
            keys = _strings(node.keys)
            groups = [] if keys and _is_spelling_table(keys) else [keys, _strings(node.values)]
        else:
            continue
        for words in groups:
            if len(words) > MAX_ENTRIES and any(is_vietnamese(w) for w in words) and not _is_spelling_table(words):
                yield node.lineno, words


def _top_alternatives(pattern: str) -> list[list[str]]:
    """The alternatives of every group (and of the whole pattern), split at top-level '|'."""
    out, stack = [], [[""]]
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            stack[-1][-1] += pattern[i:i + 2]
            i += 2
            continue
        if c == "(":
            stack.append([""])
        elif c == ")" and len(stack) > 1:
            out.append(stack.pop())
        elif c == "|":
            stack[-1].append("")
        else:
            stack[-1][-1] += c
        i += 1
    return out + stack


_CHAR_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")


def _words_of(alternative: str) -> str:
    """An alternative without its character classes: "[a-zđ]" is the alphabet, not a word."""
    return _CHAR_CLASS.sub("", alternative)


def regex_lists(tree: ast.AST):
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value and id(node) not in skip:
            for alts in _top_alternatives(node.value):
                alts = [a.removeprefix("?:") for a in alts]
                if len(alts) > MAX_ENTRIES and any(is_vietnamese(_words_of(a)) for a in alts) and not _is_spelling_table(alts):
                    yield node.lineno, alts
                    break


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    src = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "src"
    total = {"literal": 0, "regex": 0}
    for path in sorted(src.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for kind, found in (("literal", literal_lists(tree)), ("regex", regex_lists(tree))):
            for line, words in found:
                total[kind] += 1
                if verbose:
                    shown = ", ".join(w if len(w) < 25 else w[:22] + "..." for w in words[:6])
                    print(f"{path.relative_to(src.parent) if src.parent != path else path}:{line}: {kind} "
                          f"({len(words)}): {shown}{', ...' if len(words) > 6 else ''}")
    print(f"Vietnamese word lists of more than {MAX_ENTRIES} entries in {src}: "
          f"{total['literal']} literal, {total['regex']} in regex alternations, {sum(total.values())} in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
