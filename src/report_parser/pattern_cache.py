"""The compiled patterns of the command line, kept on disk between runs.

Reading, validating and compiling the pattern files (the vocabulary regexes are
compiled by ``regex``'s pure-Python parser) is a third of a one-file run's CPU. A
``parse-report FILE`` run saves what its :class:`~.patterns.Patterns` object validated
and compiled into one file, and the next run takes it back (``regex`` patterns pickle
as their compiled code, so nothing is parsed again).

The file holds two pickles: first the compiled patterns of ``regex``'s own cache (what
the modules compiled from literal patterns, at import or with ``regex.search(text)``)
and the contract's level words (:func:`.levels.shipped`), put back before the modules
are imported (:func:`preload`), so those patterns are not compiled again and PyYAML is
not imported at all; then what the Patterns object validated and compiled.

The file is named by a fingerprint of everything the artefacts depend on: the
content of every pattern file of the configuration (ours and the district's
overlay), the size and time of every module of the package and of the unit tables
of ``vietnamadminunits`` (official place names are kept too), and the versions of
Python, ``regex`` and pydantic; any change makes a new file. It lives in
``$REPORT_PARSER_CACHE`` (empty: no cache), else ``$XDG_CACHE_HOME/report-parser``
or ``~/.cache/report-parser``, a folder only the user may write; a file another user
owns, or one that does not load, is ignored. Every code change makes new files, so
writing one removes the files of its kind used least recently beyond the :data:`KEEP`
latest (:func:`prune`; a restore marks its file used). Nothing here may fail a parse.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from pathlib import Path

import regex

from .code_cache import ENV, folder, replace_file  # noqa: F401  (the cache folder, where both keep their files)
from .patterns import Patterns

KEEP = 16  # files of one kind kept in the folder (several checkouts or overlays may share it)
_PACKAGE = Path(__file__).resolve().parent


def fingerprint(p: Patterns) -> str:
    """The key of ``p``'s files and of the code (computed once per Patterns object)."""
    if "fingerprint" not in p.cache_state:
        p.cache_state["fingerprint"] = _fingerprint(p)
    return p.cache_state["fingerprint"]


def _fingerprint(p: Patterns) -> str:
    import pydantic
    import regex

    h = hashlib.sha256(f"{sys.version}|{regex.__version__}|{pydantic.VERSION}".encode())
    for name, st in _modules():
        h.update(f"{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    h.update(_unit_tables().encode())
    for i, d in enumerate(p.dirs):
        for f in sorted(d.iterdir()):
            if f.suffix in (".yaml", ".jsonl") and f.is_file():
                h.update(f"{i}/{f.name}\n".encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:32]


def _modules() -> list[tuple[str, os.stat_result]]:
    """(path under the package, stat) of every module of the package, sorted (os.scandir: a
    third of the time pathlib's rglob takes, at every start)."""
    out, todo = [], [""]
    while todo:
        sub = todo.pop()
        with os.scandir(os.path.join(_PACKAGE, sub)) as entries:
            for e in entries:
                name = os.path.join(sub, e.name)
                if e.is_dir() and e.name != "__pycache__":
                    todo.append(name)
                elif e.name.endswith(".py") and e.is_file():
                    out.append((name, e.stat()))
    return sorted(out, key=lambda x: x[0])


def _unit_tables() -> str:
    """Size and time of vietnamadminunits' tables (the official names kept here are read from them)."""
    from . import places

    try:
        st = Path(places._dataset()).stat()
    except (OSError, ModuleNotFoundError):
        return "no unit tables"
    return f"{st.st_size}:{st.st_mtime_ns}"


def _path(p: Patterns) -> Path | None:
    d = folder()
    return None if d is None else d / f"patterns-{fingerprint(p)}.pickle"


def checked(p: Patterns) -> bool:
    """True when these very files and code have passed a batch's check of every patterns file
    (:func:`mark_checked`): a batch need not compile them all again just to check them."""
    try:
        path = _path(p)
        return path is not None and path.with_suffix(".checked").stat().st_uid == os.getuid()
    except OSError:
        return False


def mark_checked(p: Patterns) -> None:
    """Remember that every patterns file of ``p`` passed the check (errors ignored)."""
    try:
        path = _path(p)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.with_suffix(".checked").touch()
    except OSError:
        pass


def preload() -> Patterns | None:
    """The environment's Patterns with ``regex``'s cache filled from its cache file, before the
    parse's modules are imported (their literal patterns are then not compiled again); None
    when it cannot be made (the parse makes and checks its Patterns as usual)."""
    try:
        p = Patterns.from_env()
    except Exception:  # noqa: BLE001 - no patterns folder: the parse says so
        return None
    try:
        path = _path(p)
        if path is not None and path.stat().st_uid == os.getuid():
            with path.open("rb") as f:
                _seed(pickle.load(f))
            p.cache_state["seeded"] = True
    except Exception:  # noqa: BLE001 - no file, an old or broken one: compiled as usual
        pass
    return p


def restore(p: Patterns) -> int:
    """Fill ``p`` (and ``regex``'s cache, unless :func:`preload` did) from its cache file; how
    many artefacts it held (0: none, or no file)."""
    if "restored" in p.cache_state:  # filled already (the command line does it before its parse)
        return p.cache_state["restored"]
    p.cache_state["restored"] = 0
    try:
        path = _path(p)
        if path is None or path.stat().st_uid != os.getuid():
            return 0
        with path.open("rb") as f:
            early = pickle.load(f)
            if not p.cache_state.get("seeded"):
                _seed(early)
            valid, memo = pickle.load(f)
        p.restore(valid, memo)
        os.utime(path)  # used: kept by prune() before the files of older code
        p.cache_state["restored"] = len(valid) + len(memo)
        return len(valid) + len(memo)
    except Exception:  # noqa: BLE001 - no file, an old or broken one: compile as usual
        return 0


def _early(held: set[int]) -> dict:
    """What :func:`preload` puts back: ``regex``'s cache of compiled patterns (but those the
    Patterns object holds: ``held``, their ids) with the two tables its look-ups need, and the
    level words of the contract."""
    from regex import _main

    from .levels import shipped

    cache = {k: v for k, v in _picklable(_main._cache).items() if id(v) not in held}
    return {"version": _main.__version__, "cache": cache,
            "named_args": {k[:3]: _main._named_args[k[:3]] for k in cache if k[:3] in _main._named_args},
            "locale_sensitive": {(k[1], k[0]): _main._locale_sensitive[k[1], k[0]]
                                 for k in cache if (k[1], k[0]) in _main._locale_sensitive},
            "levels": shipped()}


class _Noting(pickle.Pickler):
    """A pickler that notes the ids of the compiled patterns it writes (:func:`_early` leaves them out)."""

    def __init__(self, file) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.patterns: set[int] = set()

    def persistent_id(self, obj):
        if isinstance(obj, regex.Pattern):
            self.patterns.add(id(obj))
        return None  # pickled as usual


def _seed(early: dict) -> None:
    from . import levels

    if not levels.KNOWN and isinstance(early.get("levels"), tuple):
        levels.KNOWN.append(early["levels"])
    _seed_regexes(early)


def _seed_regexes(state: dict) -> None:
    """Put the patterns of :func:`_early` back into ``regex``'s cache (none it holds already):
    ``regex.compile(p)`` then returns what compiling ``p`` gave the earlier run."""
    from regex import _main

    if state.get("version") != _main.__version__ or len(state["cache"]) + len(_main._cache) >= _main._MAXCACHE:
        return
    for key, compiled in state["cache"].items():
        _main._cache.setdefault(key, compiled)
    for table in ("named_args", "locale_sensitive"):
        mine = getattr(_main, f"_{table}")
        for key, value in state[table].items():
            mine.setdefault(key, value)


# what a kept artefact may be made of: loading it must not import anything a parse does not
# (a spaCy matcher pickles, but taking it back would import spaCy, 0.5 s, at every start)
_LIGHT = frozenset(sys.stdlib_module_names) | {"report_parser", "regex", "pydantic", "pydantic_core"}


class _LightOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if module.split(".")[0] not in _LIGHT:
            raise pickle.UnpicklingError(f"{module}.{name} is not kept")
        return super().find_class(module, name)


def _picklable(items: dict) -> dict:
    """The items that pickle and load back from light modules alone (:data:`_LIGHT`; the others are built
    again when needed)."""
    out = {}
    for k, v in items.items():
        try:
            _LightOnly(io.BytesIO(pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL))).load()
        except Exception:  # noqa: BLE001 - a spaCy matcher and the like: built again when needed
            continue
        out[k] = v
    return out


def save(p: Patterns, restored: int = 0) -> None:
    """Write what ``p`` validated and compiled (and ``regex``'s cache) to its cache file, unless
    it holds no more than the ``restored`` artefacts it was filled with (atomically; errors
    ignored); older files beyond :data:`KEEP` are removed."""
    try:
        valid, memo = p.state()
        path = _path(p) if len(valid) + len(memo) > restored else None
        if path is None:
            return
        artefacts = io.BytesIO()
        noting = _Noting(artefacts)
        noting.dump((_picklable(valid), _picklable(memo)))
        early = pickle.dumps(_early(noting.patterns), protocol=pickle.HIGHEST_PROTOCOL)
        replace_file(path, early + artefacts.getvalue())
        prune(path.parent, "patterns")
    except Exception:  # noqa: BLE001 - a read-only home, a full disk: the next run compiles again
        pass


def prune(where: Path, kind: str, keep: int = KEEP) -> None:
    """Remove the ``KIND-*.pickle`` files of ``where`` used least recently beyond the ``keep``
    latest (with their ``.checked`` marks): files of code and patterns changed since."""
    try:
        files = sorted(where.glob(f"{kind}-*.pickle"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
        for old in files[keep:]:
            old.with_suffix(".checked").unlink(missing_ok=True)
            old.unlink(missing_ok=True)
    except OSError:  # another process removed it first, a read-only folder: left as it is
        pass
