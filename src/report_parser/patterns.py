"""Patterns are data: YAML/JSONL files in ``patterns/``, validated when loaded.

Lookup order for a file name: the packaged ``report_parser/patterns`` (wheel
installs) or, when there is none, the repository's ``patterns/`` (editable
installs), then every directory in the environment variable
``REPORT_PARSER_PATTERNS`` (``os.pathsep``-separated; a district's own
additions). Files found in several places are *merged*: lists are concatenated
and mappings updated, the district's files last, so a district adds phrasings
and codes without copying ours.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from collections.abc import Iterable
from typing import Any, TypeVar

import regex
import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

T = TypeVar("T")

_PKG = Path(__file__).resolve().parent


class PatternError(Exception):
    """A patterns file is missing or invalid (names the file and the problem)."""


def pattern_dirs() -> list[Path]:
    dirs = []
    for cand in (_PKG / "patterns", _PKG.parents[1] / "patterns"):
        if cand.is_dir() and cand not in dirs:
            dirs.append(cand)
            break
    extra = os.environ.get("REPORT_PARSER_PATTERNS", "")
    for d in extra.split(os.pathsep):
        if d.strip() and Path(d).is_dir():
            dirs.append(Path(d))
    return dirs


def _read(path: Path) -> Any:
    try:
        if path.suffix == ".jsonl":
            return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip() and not line.lstrip().startswith("#")]
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, json.JSONDecodeError) as e:
        raise PatternError(f"{path}: not valid {'JSON lines' if path.suffix == '.jsonl' else 'YAML'}: {e}") from None


def _merge(a: Any, b: Any) -> Any:
    if a is None:
        return b
    if isinstance(a, list) and isinstance(b, list):
        return a + b
    if isinstance(a, dict) and isinstance(b, dict):
        out = dict(a)
        for k, v in b.items():
            out[k] = _merge(out.get(k), v) if k in out else v
        return out
    return b


@functools.lru_cache(maxsize=None)
def load_raw(name: str) -> Any:
    """The merged content of ``patterns/NAME`` over all pattern directories."""
    data = None
    found = False
    for d in pattern_dirs():
        p = d / name
        if p.is_file():
            found = True
            data = _merge(data, _read(p))
    if not found:
        raise PatternError(f"patterns file {name!r} not found in {', '.join(map(str, pattern_dirs()))}")
    return data


@functools.lru_cache(maxsize=None)
def load(name: str, schema: Any) -> Any:
    """Load ``patterns/NAME`` and validate it against a pydantic model or type."""
    raw = load_raw(name)
    try:
        if isinstance(schema, type) and issubclass(schema, BaseModel):
            return schema.model_validate(raw)
        return TypeAdapter(schema).validate_python(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise PatternError(f"patterns/{name}: {where}: {first['msg']}") from None


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal vocabulary words, longest first, so that the
    longest phrase wins where one starts another ("thị trấn" before "thị")."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
