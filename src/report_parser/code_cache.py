"""Code the standard library compiles at every start, kept between runs of the command line;
the cache folder.

Two modules compile source text while a parse's modules are imported, the same text
every time: ``dataclasses`` writes each ``@dataclass``'s ``__init__``, ``__repr__``,
``__eq__`` (``__setattr__``, ``__hash__`` when frozen) as source and runs it with
``exec`` (~350 functions for the classes a parse imports: ours, pydantic's,
annotated_types'; 0.025 s of CPU), and ``typing`` compiles every string annotation it
is given (``ForwardRef``: ~1,100 for pydantic-core's typed dicts and the models'
annotations; 0.008 s). :func:`install` gives those two modules an ``exec`` and a
``compile`` of their own that return the code an earlier run compiled from the very
same text and mode (kept with :mod:`marshal`, one file per interpreter version), and
compile what they have not seen as the built-ins do (file name ``<string>``, no
inherited ``__future__`` flags: neither module has any); so nothing changes but speed.
:func:`save` adds what the run compiled. Only the command line's own process installs
them (:mod:`.cli_run`); ``import report_parser`` changes nothing.

The cache files live in ``$REPORT_PARSER_CACHE`` (empty: no cache), else
``$XDG_CACHE_HOME/report-parser`` or ``~/.cache/report-parser`` (:func:`folder`), a folder
only the user may write; a file another user owns, or one that does not load, is ignored.
Nothing here may fail a run.
"""
from __future__ import annotations

import builtins
import hashlib
import marshal
import os
import sys
from pathlib import Path

ENV = "REPORT_PARSER_CACHE"
MAX_ENTRIES = 2000  # beyond: the file keeps only what the last run used (old code's texts go; ~1 ms a thousand to load)

_KNOWN: dict[tuple[str, str], object] = {}  # (mode, source) -> code, from the file
_USED: set[tuple[str, str]] = set()
_NEW: dict[tuple[str, str], object] = {}  # compiled by this run


def folder() -> Path | None:
    """Where the cache files go, or None when the caches are turned off."""
    if ENV in os.environ:
        return Path(os.environ[ENV]) if os.environ[ENV].strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "report-parser"


def replace_file(path: Path, data: bytes) -> None:
    """Put ``data`` in the cache file ``path`` at once: written to a temporary file of its folder
    (made, for its user only, when missing), then renamed over it, so a reader finds the old
    file or the new one, never half of one. Errors are the caller's (a cache may not fail a run)."""
    import tempfile  # only when a file is written: most runs read one

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name.split('-')[0]}-")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def _path() -> Path | None:
    d = folder()
    if d is None:
        return None
    version = hashlib.sha256(f"{sys.version}|{sys.implementation.cache_tag}|{marshal.version}".encode())
    return d / f"code-{version.hexdigest()[:16]}.marshal"


_MODES = ("exec", "eval")


def _code(source: str, mode: str):
    key = (mode, source)
    code = _KNOWN.get(key)
    if code is None:
        code = _NEW.get(key) or builtins.compile(source, "<string>", mode, dont_inherit=True)
        _NEW[key] = code
    else:
        _USED.add(key)
    return code


def _exec(source, globals=None, locals=None, /):  # noqa: A002 - the built-in's own names
    """``exec`` for ``dataclasses``: a source text compiled before runs as that code."""
    if type(source) is str:
        source = _code(source, "exec")
    if globals is None:  # as the built-in does: the caller's namespace
        caller = sys._getframe(1)
        globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
    return builtins.exec(source, globals, locals)


def _compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kwargs):
    """``compile`` for ``typing``: an annotation's text compiled before is that code."""
    if type(source) is str and filename == "<string>" and mode == "eval" and not (flags or kwargs) \
            and optimize == -1:
        return _code(source, mode)
    # typing has no __future__ imports to inherit (and this module's must not be)
    return builtins.compile(source, filename, mode, flags, True, optimize, **kwargs)


def install() -> None:
    """Load the cached code; give ``dataclasses`` and ``typing`` the caching ``exec`` and ``compile``."""
    import dataclasses
    import typing

    try:
        path = _path()
        if path is not None and path.stat().st_uid == os.getuid():
            found = marshal.loads(path.read_bytes())
            code = type(_code.__code__)
            _KNOWN.update((k, v) for k, v in found.items()  # only what this module wrote
                          if type(k) is tuple and len(k) == 2 and (type(v) is code) == (k[0] in _MODES))
    except Exception:  # noqa: BLE001 - no file, an old or broken one: compiled as usual
        pass
    # module globals are found before the built-ins by the modules' functions
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    typing.compile = _compile  # type: ignore[attr-defined]
    paths, times = _site()
    if _KNOWN.get(("pydantic-plugins", paths)) == (times, False):
        sys.modules.setdefault(_LOADER, _no_plugins())


# pydantic looks for plugins among the entry points of every installed package when it builds
# its first model: importing importlib.metadata (and zipfile, csv, email...) and reading every
# package's metadata, 0.014 s. When an earlier run found none and no folder of the import
# path has changed since (installing or removing a package changes its folder), the loader is
# one that answers "none" at once: what the real one would answer.
_LOADER = "pydantic.plugin._loader"


def _site() -> tuple[str, tuple[int, ...]]:
    """The folders of the import path (but the script's or the current one), one a line, and their times."""
    paths, times = [], []
    for p in sys.path[1:]:
        try:
            times.append(os.stat(p).st_mtime_ns)
        except OSError:
            continue
        paths.append(p)
    return "\n".join(paths), tuple(times)


def _no_plugins():
    import types

    loader = types.ModuleType(_LOADER, "pydantic's plugin loader when no package provides a plugin")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    loader.report_parser_stand_in = True  # type: ignore[attr-defined]
    return loader


def _plugins_seen() -> None:
    """Note whether the real loader found plugins in this run (when it looked)."""
    loader = sys.modules.get(_LOADER)
    if loader is None or getattr(loader, "report_parser_stand_in", False) or getattr(loader, "_plugins", None) is None:
        return
    paths, times = _site()
    seen = (times, bool(loader._plugins))
    if _KNOWN.get(("pydantic-plugins", paths)) != seen:
        _NEW["pydantic-plugins", paths] = seen


def save() -> None:
    """Add the code this run compiled to the file (atomically; errors ignored)."""
    _plugins_seen()
    if not _NEW:
        return
    try:
        path = _path()
        if path is None:
            return
        entries = {**_KNOWN, **_NEW}
        if len(entries) > MAX_ENTRIES:
            entries = {**{s: _KNOWN[s] for s in _USED}, **_NEW}
        replace_file(path, marshal.dumps(entries))
        _KNOWN.update(_NEW)
        _NEW.clear()
    except Exception:  # noqa: BLE001 - a read-only home, a full disk: compiled again next time
        pass
