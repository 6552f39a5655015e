"""The communes a batch resolved, kept on disk for the next batch.

Storing a report resolves its issuer to an official commune (:func:`.places.resolve`),
and that needs ``vietnamadminunits``' address parser: 0.3-0.4 s of CPU to import, paid
by every batch worker before its first report is stored. A district's reports name the
same communes period after period, so a batch keeps what it resolved in one small file
next to the compiled patterns (:func:`.pattern_cache.folder`): the batch's fork server
loads it (:mod:`.preload`), each worker looks a commune up there before resolving it,
and the batch adds the new ones when it ends.

The file is named by a fingerprint of everything resolution depends on: the package's
modules and pattern files (:func:`.pattern_cache.fingerprint`, the level words and the
bodies stripped from names are patterns) and ``vietnamadminunits``' data file. A missing,
foreign or broken file is ignored; nothing here may fail a batch.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from . import pattern_cache, patterns
from .models import Report
from .places import AdminUnit, _dataset

Key = tuple  # the issuer as the report writes it: (unit, district, province, level)
KNOWN: dict[Key, AdminUnit] = {}  # filled by load() in the fork server, read by the workers


def key(report: Report) -> Key:
    i = report.report.issuer
    return (i.unit, i.district, i.province, i.level)


def _path() -> Path | None:
    folder = pattern_cache.folder()
    if folder is None:
        return None
    data = os.stat(_dataset())
    h = hashlib.sha256(f"{pattern_cache.fingerprint(patterns.default())}|{data.st_size}|{data.st_mtime_ns}".encode())
    return folder / f"communes-{h.hexdigest()[:32]}.pickle"


def _read(path: Path) -> dict[Key, AdminUnit]:
    if path.stat().st_uid != os.getuid():
        return {}
    found = pickle.loads(path.read_bytes())
    return {k: v for k, v in found.items() if isinstance(k, tuple) and isinstance(v, AdminUnit)}


def load() -> int:
    """Fill :data:`KNOWN` from the file; how many communes it held (0: none, or no file)."""
    try:
        path = _path()
        KNOWN.update(_read(path) if path is not None else {})
    except Exception:  # noqa: BLE001 - no file, an old or broken one: resolve as usual
        pass
    return len(KNOWN)


def save(found: dict[Key, AdminUnit]) -> None:
    """Add ``found`` to the file (atomically; nothing is written when it holds them all already)."""
    try:
        path = _path()
        if path is None or not found:
            return
        try:
            known = _read(path)
        except Exception:  # noqa: BLE001 - no file yet, or a broken one: start again
            known = {}
        if found.keys() <= known.keys():
            return
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".communes-")
        with os.fdopen(fd, "wb") as f:
            f.write(pickle.dumps({**known, **found}, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a read-only home, a full disk: the next batch resolves again
        pass
