"""The command line's cache of the code dataclasses and typing compile: the same code, not compiled again."""
from __future__ import annotations

import builtins
import dataclasses
import typing

import pytest

from report_parser import code_cache


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache in tmp_path; dataclasses and typing given back their built-ins afterwards."""
    monkeypatch.setenv(code_cache.ENV, str(tmp_path))
    monkeypatch.setattr(dataclasses, "exec", builtins.exec, raising=False)
    monkeypatch.setattr(typing, "compile", builtins.compile, raising=False)
    for table in ("_KNOWN", "_USED", "_NEW"):  # this process's tables, left as they were
        monkeypatch.setattr(code_cache, table, type(getattr(code_cache, table))())
    return tmp_path


def _point():
    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        label: str = "a"

    return Point


def test_a_dataclass_made_again_runs_the_code_an_earlier_run_compiled(fresh):
    code_cache.install()
    before = _point()(1)
    assert code_cache._NEW and not code_cache._USED
    code_cache.save()
    assert len(list(fresh.glob("code-*.marshal"))) == 1
    code_cache._KNOWN.clear()
    code_cache.install()  # the next run
    point = _point()
    again = point(1)
    assert code_cache._USED and not code_cache._NEW  # nothing compiled this time
    assert repr(again) == repr(before) == "_point.<locals>.Point(x=1, label='a')"
    assert hash(again) == hash(before) and again == point(1) and again != point(2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.x = 2


def test_typing_annotations_compile_alike_and_bad_ones_fail_alike(fresh):
    code_cache.install()
    ref = typing.ForwardRef("list[int] | None")
    assert ref.__forward_code__.co_filename == "<string>"
    assert eval(ref.__forward_code__) == (list[int] | None)
    with pytest.raises(SyntaxError):
        typing.ForwardRef("list[")


def test_no_folder_no_file(monkeypatch, fresh):
    monkeypatch.setenv(code_cache.ENV, "")
    code_cache.install()
    _point()
    code_cache.save()
    assert code_cache.folder() is None and not list(fresh.iterdir())


@pytest.mark.parametrize("found, changed, stand_in", [({}, False, True), ({"p": object()}, False, False),
                                                       ({}, True, False)])
def test_pydantic_looks_for_plugins_again_unless_an_earlier_run_found_none_and_nothing_was_installed(
        fresh, monkeypatch, found, changed, stand_in):
    import sys
    import types

    looked = types.ModuleType(code_cache._LOADER)
    looked._plugins = found  # what the real loader found in an earlier run
    monkeypatch.setitem(sys.modules, code_cache._LOADER, looked)
    code_cache.install()
    code_cache.save()
    monkeypatch.delitem(sys.modules, code_cache._LOADER)  # the next run
    code_cache._KNOWN.clear()
    if changed:  # a package installed since: a folder of the import path changed
        paths, times = code_cache._site()
        monkeypatch.setattr(code_cache, "_site", lambda: (paths, tuple(t + 1 for t in times)))
    code_cache.install()
    loader = sys.modules.get(code_cache._LOADER)
    assert (loader is not None) == stand_in
    if stand_in:
        assert loader.get_plugins() == () and loader.report_parser_stand_in


def test_a_file_of_other_contents_is_not_used(fresh):
    import marshal

    code_cache.install()
    _point()
    code_cache.save()
    (path,) = fresh.glob("code-*.marshal")
    entries = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps({key: "not code" for key in entries}))  # same texts, other values
    code_cache._KNOWN.clear()
    code_cache.install()
    assert not [k for k in code_cache._KNOWN if k[0] in ("exec", "eval")]
    assert repr(_point()(2)) == "_point.<locals>.Point(x=2, label='a')"
    path.write_bytes(b"\x00not marshal")
    code_cache._KNOWN.clear()
    code_cache.install()
    assert not code_cache._KNOWN


def test_past_the_cap_the_file_keeps_only_what_the_last_run_used(fresh, monkeypatch):
    """The file is shared by every checkout of one interpreter: once it holds more than MAX_ENTRIES
    codes, a run that compiled something new writes only what it used and compiled."""
    import marshal

    code_cache.install()
    _point()
    code_cache.save()
    old = set(code_cache._KNOWN)
    monkeypatch.setattr(code_cache, "MAX_ENTRIES", len(old))
    code_cache._KNOWN.clear()
    code_cache.install()  # the next run makes another class only

    @dataclasses.dataclass
    class Other:
        y: str

    new = set(code_cache._NEW)
    assert new and not code_cache._USED
    code_cache.save()
    (path,) = fresh.glob("code-*.marshal")
    assert set(marshal.loads(path.read_bytes())) == new and not new & old
