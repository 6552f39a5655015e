"""The compiled patterns of the command line, kept on disk between runs.

Reading, validating and compiling the pattern files (the vocabulary regexes are
compiled by ``regex``'s pure-Python parser) is a third of a one-file run's CPU. A
``parse-report FILE`` run saves what its :class:`~.patterns.Patterns` object validated
and compiled into one file, and the next run takes it back (``regex`` patterns pickle
as their compiled code, so nothing is parsed again).

The file is named by a fingerprint of everything the artefacts depend on: the
content of every pattern file of the configuration (ours and the district's
overlay), the size and time of every module of the package and of the unit tables
of ``vietnamadminunits`` (official place names are kept too), and the versions of
Python, ``regex`` and pydantic; any change makes a new file. It lives in
``$REPORT_PARSER_CACHE`` (empty: no cache), else ``$XDG_CACHE_HOME/report-parser``
or ``~/.cache/report-parser``, a folder only the user may write; a file another user
owns, or one that does not load, is ignored. Nothing here may fail a parse.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from .patterns import Patterns

ENV = "REPORT_PARSER_CACHE"
_PACKAGE = Path(__file__).resolve().parent


def folder() -> Path | None:
    """Where the cache files go, or None when the cache is turned off."""
    if ENV in os.environ:
        return Path(os.environ[ENV]) if os.environ[ENV].strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "report-parser"


def fingerprint(p: Patterns) -> str:
    import pydantic
    import regex

    h = hashlib.sha256(f"{sys.version}|{regex.__version__}|{pydantic.VERSION}".encode())
    for module in sorted(_PACKAGE.rglob("*.py")):
        st = module.stat()
        h.update(f"{module.relative_to(_PACKAGE)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    h.update(_unit_tables().encode())
    for i, d in enumerate(p.dirs):
        for f in sorted(d.iterdir()):
            if f.suffix in (".yaml", ".jsonl") and f.is_file():
                h.update(f"{i}/{f.name}\n".encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:32]


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


def restore(p: Patterns) -> int:
    """Fill ``p`` from its cache file; how many artefacts it held (0: none, or no file)."""
    try:
        path = _path(p)
        if path is None or path.stat().st_uid != os.getuid():
            return 0
        valid, memo = pickle.loads(path.read_bytes())
        p.restore(valid, memo)
        return len(valid) + len(memo)
    except Exception:  # noqa: BLE001 - no file, an old or broken one: compile as usual
        return 0


def _picklable(items: dict) -> dict:
    out = {}
    for k, v in items.items():
        try:
            pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a spaCy matcher and the like: built again next time
            continue
        out[k] = v
    return out


def save(p: Patterns, restored: int = 0) -> None:
    """Write what ``p`` validated and compiled to its cache file, unless it holds no more than
    the ``restored`` artefacts it was filled with (atomically; errors ignored)."""
    try:
        valid, memo = p.state()
        path = _path(p) if len(valid) + len(memo) > restored else None
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = pickle.dumps((_picklable(valid), _picklable(memo)), protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a read-only home, a full disk: the next run compiles again
        pass
