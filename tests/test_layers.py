"""The layers as the README draws them: no import from a lower stage to a higher one, no cycle.

Every import of ``report_parser`` modules is read from the source (also the lazy ones
inside functions). A new module must be placed in a layer below (the test says so).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "report_parser"

# module (or package prefix) -> layer; the README's drawing of "How it works"
LAYERS = {
    "base": ["errors", "models", "document", "patterns", "pattern_cache", "code_cache", "vietnamese", "options", "limits", "catalogue",
             "places", "periods", "textsafe", "deadline", "levels", "structure_words", "numerals"],
    "ingest": ["ingest"],
    "normalize": ["normalize", "legacy_fonts", "ocr_repair"],
    "structure": ["structure"],
    "extract": ["extract"],
    "checks": ["checks"],
    "pipeline": ["pipeline", ""],  # "": the package itself (report_parser.parse)
    "district": ["store", "database", "batch", "preload", "commune_cache", "aggregate", "export", "units", "corrections"],
    "app": ["cli", "cli_run", "cli_parse", "cli_common", "cli_district", "cli_review", "__main__", "review"],
}
# what each layer may import besides itself: each stage reads only the base layer's
# types (a Document, a Structure, a Report), never another stage's internals
MAY_IMPORT = {
    "base": set(),
    "ingest": {"base"},
    "normalize": {"base"},
    "structure": {"base"},
    "extract": {"base", "structure"},
    "checks": {"base"},
    "pipeline": {"base", "ingest", "normalize", "structure", "extract", "checks"},
    "district": {"base", "ingest", "normalize", "structure", "extract", "checks", "pipeline"},
    "app": set(LAYERS) - {"app"},
}


def _name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str | None:
    for layer, names in LAYERS.items():
        for n in names:
            if module == n or (n and module.startswith(n + ".")):
                return layer
    return None


def _imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The report_parser modules ``module`` imports (``from . import x`` resolved to x when x is a module)."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    package = [p for p in package if p]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1] + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == "report_parser":
                base = node.module.split(".")[1:]
            else:
                continue
            target = ".".join(base)
            for alias in node.names:
                sub = f"{target}.{alias.name}" if target else alias.name
                out.add(sub if sub in known else target)
        elif isinstance(node, ast.Import):
            out |= {".".join(a.name.split(".")[1:]) for a in node.names if a.name.split(".")[0] == "report_parser"}
    return out - {module}


def _graph() -> dict[str, set[str]]:
    files = {_name(p): p for p in SRC.rglob("*.py")}
    return {m: _imports(m, p, set(files)) for m, p in files.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_every_module_has_a_layer():
    unplaced = sorted(m for m in _graph() if _layer(m) is None)
    assert not unplaced, f"place these modules in a layer of tests/test_layers.py (and the README): {unplaced}"


def test_no_import_goes_up_or_across_stages():
    wrong = []
    for module, targets in sorted(_graph().items()):
        mine = _layer(module)
        for t in sorted(targets):
            theirs = _layer(t)
            if theirs not in (mine, None) and theirs not in MAY_IMPORT.get(mine, set()):
                wrong.append(f"{module} ({mine}) imports {t} ({theirs})")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle():
    assert _cycles(_graph()) == []


@pytest.mark.parametrize("source, expected", [
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": set()}, []),
])
def test_the_cycle_finder(source, expected):
    assert _cycles(source) == expected


def test_the_import_reader_sees_lazy_and_relative_imports():
    graph = _graph()
    assert "checks" in graph["pipeline"]            # a lazy import inside _parse
    assert "extract.references_grammar" in graph["extract.metadata.title"]  # from .. import, two levels
    assert "patterns" in graph["extract.numbers"]


def test_the_readme_draws_every_layer_and_module():
    """The README's drawing of the layers names every module this test places (so both stay true)."""
    readme = (SRC.parents[1] / "README.md").read_text(encoding="utf-8")
    drawing = readme[readme.index("\napp "):readme.index("```", readme.index("\napp "))]
    missing = [n for names in LAYERS.values() for n in names if n not in ("", "__main__") and n not in drawing]
    assert not missing, f"add to the README's layer drawing: {missing}"
