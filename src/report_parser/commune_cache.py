"""What a batch knows about communes, kept on disk for the next batch.

Two things cost a batch worker time before its first report is done, and both are the
same from one batch to the next:

* storing a report resolves its issuer to an official commune (:func:`.places.resolve`),
  which needs ``vietnamadminunits``' address parser: 0.3-0.4 s of CPU to import. A
  district's reports name the same communes period after period, so a batch keeps the
  communes it resolved (``communes-*.pickle``): each worker looks a commune up there
  before resolving it, and the batch adds the new ones when it ends;
* the unit tables the metadata reader matches names against (:func:`.places.tables`:
  every commune's official name, folded), 0.2 s to read and fold, kept as they are
  (``units-*.pickle``).

The batch's fork server (:mod:`.preload`) loads both, so every worker starts with them.
They live next to the compiled patterns (:func:`.pattern_cache.folder`), named by a
fingerprint of everything they depend on: the package's modules and pattern files
(:func:`.pattern_cache.fingerprint`: the level words and the bodies stripped from names
are patterns) and ``vietnamadminunits``' data file. A missing, foreign or broken file is
ignored; nothing here may fail a batch.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import pattern_cache, patterns

if TYPE_CHECKING:
    from .models import Report
    from .places import AdminUnit

Key = tuple  # the issuer as the report writes it: (unit, district, province, level)
KNOWN: dict[Key, dict] = {}  # an AdminUnit's fields per issuer: filled by load() in the fork server


def lookup(report: Report) -> AdminUnit | None:
    """The commune of the report's issuer as an earlier batch resolved it, or None (a worker's step)."""
    from .places import AdminUnit

    i = report.report.issuer
    known = KNOWN.get((i.unit, i.district, i.province, i.level))
    return AdminUnit(**known) if known is not None else None


@functools.lru_cache(maxsize=1)
def _fingerprint() -> str:
    spec = importlib.util.find_spec("vietnamadminunits")  # its data file, found without importing it
    data = os.stat(Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db")
    text = f"{pattern_cache.fingerprint(patterns.default())}|{data.st_size}|{data.st_mtime_ns}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _path(kind: str) -> Path | None:
    folder = pattern_cache.folder()
    return None if folder is None else folder / f"{kind}-{_fingerprint()}.pickle"


def _read(path: Path | None, value_type: type) -> dict[tuple, Any]:
    """The file's entries of the right types ({} for no file, a foreign or a broken one)."""
    try:
        if path is None or path.stat().st_uid != os.getuid():
            return {}
        found = pickle.loads(path.read_bytes())
        return {k: v for k, v in found.items() if isinstance(k, tuple) and isinstance(v, value_type)}
    except Exception:  # noqa: BLE001 - no file, an old or broken one
        return {}


def _write(path: Path | None, entries: dict) -> None:
    if path is None:
        return
    try:
        pattern_cache.replace_file(path, pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
        pattern_cache.prune(path.parent, path.name.split("-")[0])  # the files of older code
    except Exception:  # noqa: BLE001 - a read-only home, a full disk: the next batch builds them again
        pass


def load() -> int:
    """Fill :data:`KNOWN` and the unit tables from their files (the tables are read and saved when
    there is no file yet); how many communes were known."""
    try:
        from . import places

        KNOWN.update(_read(_path("communes"), dict))
        tables = _read(_path("units"), (tuple, dict))
        if tables:
            places.restore_tables(tables)
        else:
            _write(_path("units"), places.tables())
    except Exception:  # noqa: BLE001 - the tables are read on first use, the communes resolved
        pass
    return len(KNOWN)


def save(found: dict[Key, dict]) -> None:
    """Add ``found`` (an AdminUnit's fields per issuer) to the communes' file (nothing is written
    when it holds them all already)."""
    try:
        path = _path("communes")
    except Exception:  # noqa: BLE001
        return
    known = _read(path, dict)
    if found and not found.keys() <= known.keys():
        _write(path, {**known, **found})
