"""Patterns are data: YAML/JSONL files in ``patterns/``, validated when loaded.

Lookup order for a file name: the packaged ``report_parser/patterns`` (wheel
installs) or, when there is none, the repository's ``patterns/`` (editable
installs), then the district's own folders (the overlay: ``Patterns(overlay=...)``,
or the environment variable ``REPORT_PARSER_PATTERNS``, ``os.pathsep``-separated,
for :meth:`Patterns.from_env`). Files found in several places are *merged*: lists
are concatenated and mappings updated, the district's files last, so a district
adds phrasings and codes without copying ours.

One :class:`Patterns` object holds one such configuration: the files it has read,
validated, and everything compiled from them (:meth:`Patterns.memo`). It is made
once (by the command line, a batch, or a test) and passed down:
``parse(path, patterns=p)`` makes it the *active* object for that parse
(:func:`using`), and the stages read it with :func:`current`. No module keeps a
cache of pattern data of its own; a module's compiled artefacts are built once per
Patterns object with the :func:`memoised` decorator::

    @patterns.memoised
    def _regexes() -> ...:
        v = patterns.load("table_units.yaml", TableVocab)   # from the active object
        return regex.compile(...)
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import json
import os
import re
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import regex
from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


_PKG = Path(__file__).resolve().parent


class PatternError(Exception):
    """A patterns file is missing or invalid (names the file and the problem)."""


ENV_OVERLAY = "REPORT_PARSER_PATTERNS"


def base_dir() -> Path:
    """Our own patterns folder (packaged, or the repository's)."""
    for cand in (_PKG / "patterns", _PKG.parents[1] / "patterns"):
        if cand.is_dir():
            return cand
    raise PatternError(f"no patterns folder found in {_PKG} or {_PKG.parents[1]}")


def env_overlay() -> list[Path]:
    """The district's folders named by ``REPORT_PARSER_PATTERNS`` (those that exist)."""
    return [Path(d) for d in os.environ.get(ENV_OVERLAY, "").split(os.pathsep) if d.strip() and Path(d).is_dir()]


def _read(path: Path) -> Any:
    import yaml  # here, not at import: the command line's --help reads no pattern

    # libyaml's loader reads the pattern files ten times faster than PyYAML's pure-Python one
    # (0.04 s instead of 0.3-0.6 s of every start); the same safe subset of YAML either way
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if path.suffix == ".jsonl":
            return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip() and not line.lstrip().startswith("#")]
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (yaml.YAMLError, json.JSONDecodeError) as e:
        raise PatternError(f"{path}: not valid {'JSON lines' if path.suffix == '.jsonl' else 'YAML'}: {e}") from None
    except UnicodeDecodeError as e:  # e.g. saved as Windows-1258: the district's file, for it to fix
        raise PatternError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start}); save it as UTF-8") from None
    except OSError as e:
        raise PatternError(f"{path}: cannot be read ({e.strerror or e})") from None


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


class Schema(BaseModel):
    """The base of a patterns file's schema (and of its parts): its validator is built when it
    first validates a file, not when its module is imported: a run whose validated files come
    from the pattern cache (:mod:`.pattern_cache`) builds none of them (0.02 s of every start)."""

    model_config = ConfigDict(defer_build=True)


class Patterns:
    """Every patterns file of one configuration: ours merged with a district's overlay.

    Files are read and validated on first use and kept; :meth:`memo` keeps what the
    modules compile from them. Build a new object to see other files (tests do:
    ``Patterns(overlay=[tmp_path])``); nothing else needs clearing.
    """

    def __init__(self, overlay: Iterable[str | Path] = (), *, base: str | Path | None = None):
        self.dirs: list[Path] = [Path(base) if base else base_dir()]
        self.dirs += [Path(d) for d in overlay if str(d).strip() and Path(d).is_dir() and Path(d) not in self.dirs]
        self._raw: dict[str, Any] = {}
        self._valid: dict[tuple[str, Any], Any] = {}
        self._memo: dict[str, Any] = {}
        self.cache_state: dict[str, Any] = {}  # :mod:`.pattern_cache`'s notes on this object (its fingerprint)

    @classmethod
    def from_env(cls) -> "Patterns":
        """Ours plus the folders of ``REPORT_PARSER_PATTERNS``."""
        return cls(env_overlay())

    @property
    def overlay(self) -> list[Path]:
        return self.dirs[1:]

    def __repr__(self) -> str:
        return f"Patterns({', '.join(map(str, self.dirs))})"

    def file_names(self) -> set[str]:
        """Every patterns file name in any of the folders."""
        return {p.name for d in self.dirs for p in d.iterdir() if p.suffix in (".yaml", ".jsonl")}

    def raw(self, name: str) -> Any:
        """The merged content of ``NAME`` over all folders (not validated)."""
        if name not in self._raw:
            data, found = None, False
            for d in self.dirs:
                p = d / name
                if p.is_file():
                    found = True
                    data = _merge(data, _read(p))
            if not found:
                raise PatternError(f"patterns file {name!r} not found in {', '.join(map(str, self.dirs))}")
            self._raw[name] = data
        return self._raw[name]

    def load(self, name: str, schema: Any) -> Any:
        """``NAME`` validated against a pydantic model or type (once per schema)."""
        key = (name, schema)
        if key not in self._valid:
            self._valid[key] = _validate(name, self.raw(name), schema)
        return self._valid[key]

    def memo(self, key: str, builder: Callable[[], T]) -> T:
        """``builder()`` computed once for this object (a module's compiled regexes, matchers...)."""
        if key not in self._memo:
            try:
                self._memo[key] = builder()
            except (regex.error, re.error) as e:  # a district's phrasing that is no valid regex
                where = ", ".join(map(str, self.overlay or self.dirs))
                raise PatternError(f"{where}: a regular expression of the patterns does not compile "
                                   f"({e}; built by {key})") from None
        return self._memo[key]

    def state(self) -> tuple[dict[tuple[str, Any], Any], dict[str, Any]]:
        """What this object has validated and compiled so far (for :mod:`.pattern_cache`)."""
        return dict(self._valid), dict(self._memo)

    def restore(self, valid: dict[tuple[str, Any], Any], memo: dict[str, Any]) -> None:
        """Take validated files and compiled artefacts made earlier for the same files and code."""
        self._valid.update(valid)
        self._memo.update(memo)


def _validate(name: str, raw: Any, schema: Any) -> Any:
    from pydantic import BaseModel, TypeAdapter, ValidationError

    try:
        if isinstance(schema, type) and issubclass(schema, BaseModel):
            return schema.model_validate(raw)
        return TypeAdapter(schema).validate_python(raw)
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        where = f"{loc}: " if loc else ""  # no location: the file as a whole (a check across its keys)
        raise PatternError(f"patterns/{name}: {where}{first['msg'].removeprefix('Value error, ')}") from None
    except (regex.error, re.error) as e:  # a schema that compiles its patterns when it validates
        raise PatternError(f"patterns/{name}: a regular expression does not compile ({e})") from None


_ACTIVE: contextvars.ContextVar[Patterns | None] = contextvars.ContextVar("report_parser_patterns", default=None)
_DEFAULT: list[Patterns] = []  # the process's default object, made from the environment on first use


def default() -> Patterns:
    """The process's default Patterns (ours plus ``REPORT_PARSER_PATTERNS``), made once."""
    if not _DEFAULT:
        _DEFAULT.append(Patterns.from_env())
    return _DEFAULT[0]


def current() -> Patterns:
    """The active Patterns: the one :func:`using` (``parse(path, patterns=...)``) set, else :func:`default`."""
    return _ACTIVE.get() or default()


@contextlib.contextmanager
def using(p: Patterns | None) -> Iterator[Patterns]:
    """Make ``p`` the active Patterns inside the block (``None``: keep the active one)."""
    if p is None:
        yield current()
        return
    token = _ACTIVE.set(p)
    try:
        yield p
    finally:
        _ACTIVE.reset(token)


def memoised(builder: Callable[[], T]) -> Callable[[], T]:
    """Decorate a module's zero-argument builder of pattern artefacts: built once per Patterns object."""
    key = f"{builder.__module__}.{builder.__qualname__}"

    @functools.wraps(builder)
    def get() -> T:
        p = _ACTIVE.get() or default()  # current(), inlined: hot loops ask for their patterns
        try:
            return p._memo[key]
        except KeyError:
            return p.memo(key, builder)

    get.memo_key = key  # type: ignore[attr-defined]  # marks a memoised builder (the tests' pattern census)
    return get


def load_raw(name: str) -> Any:
    """The merged content of ``patterns/NAME`` in the active Patterns."""
    return current().raw(name)


def load(name: str, schema: Any) -> Any:
    """``patterns/NAME`` of the active Patterns, validated against a pydantic model or type."""
    return current().load(name, schema)


def spaced(p: str) -> str:
    """A phrase pattern as written in the YAML files: " ?" is optional whitespace, " " any whitespace."""
    return p.replace(" ?", r"\s*").replace(" ", r"\s+")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal vocabulary words, longest first, so that the
    longest phrase wins where one starts another ("thị trấn" before "thị")."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
