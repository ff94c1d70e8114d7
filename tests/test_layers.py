"""The layering holds: the domain never imports a widget, each module builds only on the ones before it."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDGET_LIBRARIES = ("ipywidgets", "ipysigma", "anywidget", "regionallabor_widgets")
# what each lower layer may import (besides itself); the modules may import all of these and earlier modules
BELOW = {
    "regionallabor.core": ("regionallabor.handlungsfelder",),
    "regionallabor.handlungsfelder": ("regionallabor.core",),
    "regionallabor.refdata": ("regionallabor.core",),
    "regionallabor.dokumente": ("regionallabor.core", "regionallabor.handlungsfelder"),
    "regionallabor.richtwerte": (),  # numbers only: every module may state them
}
SHARED = tuple(BELOW)
# Modul 6 sums up the whole course: its status report names every module's status.
EXCEPTIONS = {("regionallabor.modul6.statusbericht", "regionallabor.course")}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[0] == "widgets":  # the folder widgets/ is imported as regionallabor_widgets (pyproject.toml)
        parts = ("regionallabor_widgets", *parts[1:])
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(source: str, module: str, is_package: bool = False) -> set[str]:
    """What a file imports when it runs – at the top or inside a function, but not for type checkers only."""
    tree = ast.parse(source)
    type_only = {
        id(node)
        for branch in ast.walk(tree)
        if isinstance(branch, ast.If) and ast.unparse(branch.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
        for statement in branch.body
        for node in ast.walk(statement)
    }
    package = module.split(".") if is_package else module.split(".")[:-1]
    found = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *([base] if base else [])])
            # `from regionallabor import refdata` imports regionallabor.refdata
            found |= {f"{base}.{alias.name}" for alias in node.names} if base == "regionallabor" else {base}
    return found


def imports_of(path: Path) -> set[str]:
    return runtime_imports(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")


def inside(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def module_number(name: str) -> int | None:
    match = re.match(r"(?:regionallabor|regionallabor_widgets)\.modul(\d)\b", name)
    return int(match.group(1)) if match else None


def allowed(importer: str, imported: str) -> bool:
    """May the domain module ``importer`` import ``imported`` (both in regionallabor)?"""
    if (importer, imported) in EXCEPTIONS:
        return True
    for layer, below in BELOW.items():
        if inside(importer, layer):
            return any(inside(imported, allowed_layer) for allowed_layer in (layer, *below))
    number = module_number(importer)
    if number is not None:
        other = module_number(imported)
        return any(inside(imported, shared) for shared in SHARED) or (other is not None and other <= number)
    return True  # course, the worksheets, the handbook, the command line and the example workbooks sit on top


def test_the_domain_never_imports_a_widget_library():
    offenders = [
        f"{module_name(path)} → {name}"
        for path in sorted(ROOT.joinpath("regionallabor").rglob("*.py"))
        for name in imports_of(path)
        if any(inside(name, library) for library in WIDGET_LIBRARIES)
    ]
    assert offenders == []


def test_each_layer_imports_only_what_lies_below_it():
    offenders = [
        f"{module_name(path)} → {name}"
        for path in sorted(ROOT.joinpath("regionallabor").rglob("*.py"))
        for name in imports_of(path)
        if inside(name, "regionallabor") and not allowed(module_name(path), name)
    ]
    assert offenders == []


def test_the_widgets_of_a_module_build_on_the_base_and_on_earlier_modules_only():
    offenders = []
    for path in sorted(ROOT.joinpath("widgets").rglob("*.py")):
        me, number = module_name(path), module_number(module_name(path))
        for name in imports_of(path):
            other = module_number(name)
            if (
                inside(me, "regionallabor_widgets.base")
                and inside(name, "regionallabor_widgets")
                and not inside(name, "regionallabor_widgets.base")
                or number is not None
                and other is not None
                and other > number
            ):
                offenders.append(f"{me} → {name}")
    assert offenders == []


def test_nothing_imports_the_widgets_folder_by_its_folder_name():
    """`widgets` would be a generic top-level name in site-packages; the wheel has only regionallabor_widgets."""
    python = [path for path in ROOT.rglob("*.py") if not {".venv", "node_modules", "_build"} & set(path.parts)]
    offenders = [
        f"{path.relative_to(ROOT)} → {name}"
        for path in python
        for name in runtime_imports(path.read_text(encoding="utf-8"), "")
        if inside(name, "widgets")
    ]
    notebooks = [*ROOT.glob("modules/*.ipynb"), *ROOT.glob("exercises/*.ipynb"), *ROOT.glob("benchmarks/*.ipynb")]
    offenders += [
        str(path.relative_to(ROOT))
        for path in notebooks
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "code" and re.search(r"^\s*(from|import) widgets\b", "".join(cell["source"]), re.M)
    ]
    assert offenders == []
    assert runtime_imports("from widgets.base import html\n", "") == {"widgets.base"}


def test_the_rules_catch_what_they_forbid():
    assert not allowed("regionallabor.core.store", "regionallabor.modul3.beziehungsnetz")
    assert not allowed("regionallabor.core.model", "regionallabor.refdata")
    assert not allowed("regionallabor.modul3.beziehungsnetz", "regionallabor.modul5.konferenz")
    assert not allowed("regionallabor.modul2.kennzahlen", "regionallabor.course")
    assert not allowed("regionallabor.dokumente.charts", "regionallabor.modul6.aktionen")
    assert allowed("regionallabor.modul5.konferenz", "regionallabor.modul3.beziehungsnetz")
    assert allowed("regionallabor.modul6.statusbericht", "regionallabor.course")
    source = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import regionallabor_widgets\nimport ipywidgets\n"
        "from . import store\nfrom regionallabor import refdata\n"
    )
    assert runtime_imports(source, "regionallabor.core.model") == {
        "typing",
        "ipywidgets",
        "regionallabor.core",
        "regionallabor.refdata",
    }


def test_the_architecture_notes_name_every_file_of_the_two_packages():
    notes = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    layer_map = notes[notes.index("## Layers") : notes.index("## The Arbeitsmappe")]
    missing = [
        str(path.relative_to(ROOT))
        for package in ("regionallabor", "widgets")
        for path in sorted(ROOT.joinpath(package).rglob("*.py"))
        if path.name not in ("__init__.py", "__main__.py") and not re.search(rf"\b{path.stem}\b", layer_map)
    ]
    assert missing == []


def direct_widget_handlers(source: str) -> list[int]:
    """Lines that connect a handler with ipywidgets' own API (``button.on_click(f)``, ``widget.observe(f, …)``)
    instead of ``GuardedActions`` – such a handler's error would vanish in the kernel's log. A widget class
    that follows its own trait (``@traitlets.observe``) is no tool's handler."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and ((node.func.attr == "on_click" and len(node.args) == 1) or node.func.attr == "observe")
        and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "traitlets")
    ]


def test_every_handler_of_a_tool_runs_guarded():
    guard = ROOT / "widgets" / "base" / "tool.py"
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / "widgets").rglob("*.py"))
        if path != guard
        for line in direct_widget_handlers(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert direct_widget_handlers("b.on_click(f)\nw.observe(f, 'value')\nself.on_click(b, f)\n") == [1, 2]
    assert direct_widget_handlers("@traitlets.observe('text')\ndef typed(self, change): ...\n") == []
