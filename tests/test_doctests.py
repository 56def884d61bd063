"""Doctests: every example in the library's docstrings and in the docs pages runs.

Examples in the docstrings of modules, classes, functions and methods are
found by :mod:`doctest`. Examples in the docstrings of constants
(``REPAIR_KINDS``, ``Span``, ``Config`` fields), which Python keeps nowhere
at run time, are read from the source with :mod:`ast`, as documentation
tools read them. Every public name (``newsrepair.__all__`` and
``newsrepair.dask.__all__``) must have an example. The ``pycon`` blocks of
each page in ``docs/`` run too, one namespace per page, in page order.

``newsrepair.dask`` needs the ``dask`` extra; without it its examples are
skipped with a reason (CI installs it).
"""

from __future__ import annotations

import ast
import doctest
import importlib
import inspect
import itertools
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import pytest

import newsrepair

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PYCON = re.compile(r"^```pycon[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
OPTIONS = doctest.ELLIPSIS


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        if name == "newsrepair.dask":
            return None
        raise


MODULE_NAMES = ["newsrepair"] + [
    f"newsrepair.{m.name}" for m in pkgutil.iter_modules(newsrepair.__path__)
]


def attribute_docstrings(module: ModuleType) -> list[tuple[str, str, int]]:
    """(qualified name, docstring, line) of every documented assignment in ``module``.

    A string literal right after an assignment, at module level or in a class
    body, documents the assigned name.
    """
    path = Path(module.__file__ or "")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def scan(body: list[ast.stmt], prefix: str) -> None:
        for before, after in itertools.pairwise(body):
            if isinstance(before, ast.ClassDef):
                scan(before.body, f"{prefix}.{before.name}")
            targets: list[ast.expr] = []
            if isinstance(before, ast.Assign):
                targets = before.targets
            elif isinstance(before, ast.AnnAssign):
                targets = [before.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if (
                names
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                found.append((f"{prefix}.{names[0]}", after.value.value, after.lineno))
        if body and isinstance(body[-1], ast.ClassDef):
            scan(body[-1].body, f"{prefix}.{body[-1].name}")

    scan(tree.body, module.__name__)
    return found


def module_doctests(module: ModuleType) -> list[doctest.DocTest]:
    """Every doctest with at least one example in ``module``'s docstrings."""
    tests = doctest.DocTestFinder(exclude_empty=True).find(module, module.__name__)
    parser = doctest.DocTestParser()
    for name, text, line in attribute_docstrings(module):
        tests.append(parser.get_doctest(text, {}, name, module.__file__, line))
    return sorted((t for t in tests if t.examples), key=lambda t: t.name)


def page_doctest(page: Path) -> doctest.DocTest | None:
    """The ``pycon`` blocks of one docs page as one doctest, or None when it has none."""
    text = page.read_text(encoding="utf-8")
    blocks = PYCON.findall(text)
    if not blocks:
        return None
    source = "\n".join(blocks)
    return doctest.DocTestParser().get_doctest(
        source, {}, str(page.relative_to(ROOT)), str(page), 0
    )


def _library_params() -> list[object]:
    params: list[object] = []
    for name in MODULE_NAMES:
        module = _module(name)
        if module is None:
            params.append(
                pytest.param(
                    None,
                    id=name,
                    marks=pytest.mark.skip(reason=f"{name} needs the dask extra"),
                )
            )
            continue
        params += [pytest.param(t, id=t.name) for t in module_doctests(module)]
    return params


def _run(test: doctest.DocTest) -> None:
    runner = doctest.DocTestRunner(optionflags=OPTIONS)
    report: list[str] = []
    result = runner.run(test, out=report.append, clear_globs=True)
    assert result.failed == 0, "".join(report)


@pytest.mark.parametrize("test", _library_params())
def test_docstring_examples(test: doctest.DocTest) -> None:
    """Each docstring's examples give the output they show."""
    _run(test)


def _page_params() -> list[object]:
    params: list[object] = []
    for page in sorted(DOCS.rglob("*.md")):
        test = page_doctest(page)
        if test is None:
            continue
        needs_dask = "newsrepair.dask" in test.docstring if test.docstring else False
        marks = (
            [pytest.mark.skip(reason=f"{page.name} needs the dask extra")]
            if needs_dask and _module("newsrepair.dask") is None
            else []
        )
        params.append(pytest.param(test, id=str(page.relative_to(DOCS)), marks=marks))
    return params


@pytest.mark.parametrize("test", _page_params())
def test_docs_page_examples(test: doctest.DocTest) -> None:
    """Each docs page's ``pycon`` examples give the output they show."""
    _run(test)


def test_docs_pages_have_examples() -> None:
    """The start page's first steps are among the page examples (the scan finds them)."""
    test = page_doctest(DOCS / "index.md")
    assert test is not None
    assert any("repair(text)" in example.source for example in test.examples)


def _public() -> list[tuple[str, str]]:
    names = [("newsrepair", n) for n in newsrepair.__all__]
    dask = _module("newsrepair.dask")
    if dask is not None:
        names += [("newsrepair.dask", n) for n in dask.__all__]
    return names


def test_every_public_name_has_an_example() -> None:
    """Every name in ``__all__`` has a docstring, where it is defined, holding an example."""
    modules = {n: m for n in MODULE_NAMES if (m := _module(n)) is not None}
    documented = {t.name for m in modules.values() for t in module_doctests(m)}
    missing = []
    for owner, name in _public():
        obj = getattr(modules[owner], name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            places = {f"{obj.__module__}.{obj.__qualname__}"}
        else:
            # Data: documented by the string after its assignment, in the
            # module that defines it (the package re-exports it).
            places = {f"{n}.{name}" for n, m in modules.items() if getattr(m, name, None) is obj}
        if not places & documented:
            missing.append(f"{owner}.{name}")
    assert [] == missing


def test_attribute_docstrings_are_found() -> None:
    """The source scan sees the docstrings of constants and of class fields."""
    config = importlib.import_module("newsrepair._config")
    found = {name for name, _, _ in attribute_docstrings(config)}
    assert {"newsrepair._config.DEFAULT_PASSES", "newsrepair._config.Config.passes"} <= found
