"""The command line's cache of compiled patterns: same results, a new file for changed inputs."""
from __future__ import annotations

from report_parser import pattern_cache
from report_parser.patterns import Patterns
from report_parser.pipeline import parse
from conftest import SAMPLE_TXT


def test_a_restored_cache_parses_alike_and_compiles_nothing_again(tmp_path, monkeypatch):
    monkeypatch.setenv(pattern_cache.ENV, str(tmp_path))
    first = Patterns()
    assert pattern_cache.restore(first) == 0  # no file yet
    expected = parse(SAMPLE_TXT, patterns=first).to_json()
    pattern_cache.save(first)
    again = Patterns()
    restored = pattern_cache.restore(again)
    assert restored == sum(map(len, first.state()))
    built: list[str] = []
    original = Patterns.memo

    def counting(self, key, builder):
        if key not in self._memo:
            built.append(key)
        return original(self, key, builder)

    monkeypatch.setattr(Patterns, "memo", counting)
    assert parse(SAMPLE_TXT, patterns=again).to_json() == expected
    assert built == []


def test_a_changed_overlay_file_is_another_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(pattern_cache.ENV, str(tmp_path / "cache"))
    overlay = tmp_path / "district"
    overlay.mkdir()
    (overlay / "catalogue.yaml").write_text("{}\n", encoding="utf-8")
    before = pattern_cache.fingerprint(Patterns(overlay=[overlay]))
    (overlay / "catalogue.yaml").write_text("{}\n# changed\n", encoding="utf-8")
    assert pattern_cache.fingerprint(Patterns(overlay=[overlay])) != before
    assert pattern_cache.fingerprint(Patterns()) not in (before,)


def test_no_folder_no_cache(monkeypatch):
    monkeypatch.setenv(pattern_cache.ENV, "")
    p = Patterns()
    pattern_cache.save(p)
    assert pattern_cache.folder() is None and pattern_cache.restore(p) == 0


def test_a_batch_checks_the_same_files_once_and_a_changed_file_again(tmp_path, monkeypatch):
    from report_parser import pipeline
    from report_parser.cli_parse import checked_patterns

    monkeypatch.setenv(pattern_cache.ENV, str(tmp_path / "cache"))
    overlay = tmp_path / "district"
    overlay.mkdir()
    (overlay / "catalogue.yaml").write_text("{}\n", encoding="utf-8")
    monkeypatch.setenv("REPORT_PARSER_PATTERNS", str(overlay))
    checks: list[int] = []
    real = pipeline.check_patterns
    monkeypatch.setattr(pipeline, "check_patterns", lambda p, **kw: checks.append(1) or real(p, **kw))
    checked_patterns(full=True)
    checked_patterns(full=True)  # the same files and code passed already: not compiled again
    assert len(checks) == 1
    (overlay / "catalogue.yaml").write_text("{}\n# changed\n", encoding="utf-8")
    checked_patterns(full=True)
    assert len(checks) == 2
    checked_patterns(full=False)  # a one-file parse with an overlay checks it every time
    assert len(checks) == 3


def test_regex_cache_comes_back_so_literal_patterns_are_not_compiled_again(tmp_path, monkeypatch):
    import pickle
    import typing

    import regex
    from regex import _main

    from report_parser import levels
    from report_parser.models import Level

    monkeypatch.setenv(pattern_cache.ENV, str(tmp_path))
    literal = r"(?<!\p{L})số\s+(\d+)/BC-TEST(?!\p{L})"
    expected = regex.search(literal, "Báo cáo số 12/BC-TEST ngày").span(1)
    first = Patterns()
    held = r"(?<!\p{L})held\s+by\s+the\s+memo"
    first.memo("test.artefact", lambda: regex.compile(held))  # something to save, in regex's cache too
    pattern_cache.save(first)
    with pattern_cache._path(first).open("rb") as f:
        early = pickle.load(f)
    assert literal in {k[0] for k in early["cache"]}
    assert held not in {k[0] for k in early["cache"]}  # restored with the memo: not written twice
    regex.purge()

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(levels, "KNOWN", [])
    p = pattern_cache.preload()
    assert p is not None and p.cache_state["seeded"]
    assert levels.KNOWN == [typing.get_args(Level)]  # the contract's words, PyYAML not needed
    monkeypatch.setattr(_main, "_parse_pattern", no_compiling)
    assert regex.search(literal, "Báo cáo số 12/BC-TEST ngày").span(1) == expected
    assert pattern_cache.restore(p) == 1 and p.memo("test.artefact", None).pattern == held


def test_writing_a_cache_file_removes_the_least_recently_used_beyond_keep(tmp_path):
    import os

    for i in range(6):
        f = tmp_path / f"patterns-{i}.pickle"
        f.write_bytes(b"x")
        os.utime(f, ns=(i * 10**9, i * 10**9))
        f.with_suffix(".checked").touch()
    (tmp_path / "units-0.pickle").write_bytes(b"x")  # another kind: not counted, not removed
    pattern_cache.prune(tmp_path, "patterns", keep=2)
    assert sorted(f.name for f in tmp_path.iterdir()) == [
        "patterns-4.checked", "patterns-4.pickle", "patterns-5.checked", "patterns-5.pickle", "units-0.pickle"]


def test_spacy_matchers_are_not_cached(tmp_path, monkeypatch):
    """A run that needed spaCy's field matchers must not make every later run import spaCy
    (restoring a pickled Matcher imports spaCy: ~0.5 s of CPU in each run of the version)."""
    from report_parser.extract import fields

    monkeypatch.setenv(pattern_cache.ENV, str(tmp_path))
    first = Patterns()
    parse(SAMPLE_TXT, patterns=first)
    first.memo(fields._matchers.memo_key, fields._matchers.__wrapped__)  # as a field name not in the phrase list does
    pattern_cache.save(first)
    again = Patterns()
    assert pattern_cache.restore(again) > 0
    valid, memo = again.state()
    assert fields._matchers.memo_key not in memo
    assert all(b"spacy" not in f.read_bytes() for f in tmp_path.glob("patterns-*.pickle"))


def test_an_artefact_whose_loading_would_import_a_library_is_not_kept(tmp_path, monkeypatch):
    """A spaCy matcher pickles, but taking it back would import spaCy (0.5 s) at every start."""
    import yaml.error  # stands in for spaCy: not a module a parse imports

    monkeypatch.setenv(pattern_cache.ENV, str(tmp_path))
    first = Patterns()
    first.memo("test.light", lambda: {"words": ("xã", "phường")})
    first.memo("test.heavy", lambda: yaml.error.Mark("x", 0, 0, 0, None, None))
    pattern_cache.save(first)
    again = Patterns()
    assert pattern_cache.restore(again) == 1
    assert again.state()[1] == {"test.light": {"words": ("xã", "phường")}}


def test_a_first_run_without_a_cache_file_gets_its_patterns_from_preload(tmp_path, monkeypatch):
    """preload() returned None when there was no cache file yet (the command line then made and
    fingerprinted a second Patterns object); it returns the environment's object, not seeded."""
    monkeypatch.setenv(pattern_cache.ENV, str(tmp_path))
    p = pattern_cache.preload()
    assert isinstance(p, Patterns) and "seeded" not in p.cache_state and not list(tmp_path.iterdir())
