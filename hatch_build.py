"""What the wheel holds besides the ``regionallabor`` package (hatchling's build hook, see pyproject.toml).

- The folder ``widgets/`` as the package ``regionallabor_widgets``: a checkout keeps the short folder name,
  site-packages gets no generic top-level ``widgets``. An editable install maps the name to the folder with
  the ``editables`` import hook, as hatchling does for ``regionallabor`` itself.
- The course folder – the pages, the Voila settings and template, the worksheets, the handbook's chapters
  and the handbook built as website and PDF – as ``regionallabor/course_folder/``, where
  ``regionallabor.core.paths`` finds it. The handbook is built here, once, not at every start.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

WIDGETS_FOLDER = "widgets"
WIDGETS_PACKAGE = "regionallabor_widgets"
COURSE_FOLDER = "regionallabor/course_folder"
# (folder or file, which files in it) – the course folder as regionallabor serve needs it
COURSE_FILES = (
    ("voila.json", "voila.json"),
    ("modules", "*.ipynb"),
    ("share/jupyter", "**/*"),
    ("exercises", "*.md"),
    ("exercises", "*.ipynb"),
    ("exercises", "nbgrader_config.py"),
    ("exercises/source", "*/*.ipynb"),
    ("exercises/templates", "**/*"),
    ("handbook", "*.md"),
)
SKIPPED = ("__pycache__", ".ipynb_checkpoints")


def selected(root: Path, folder: str, pattern: str) -> list[Path]:
    base = root / folder
    if base.is_file():
        return [base]
    return sorted(
        path
        for path in base.glob(pattern)
        if path.is_file() and not any(part in SKIPPED or part.startswith(".") for part in path.relative_to(root).parts)
    )


class CourseBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        root = Path(self.root)
        self._scratch = Path(tempfile.mkdtemp(prefix="regionallabor-build-"))
        if version == "editable":
            self.map_widgets_folder(build_data)
            return
        for path in selected(root, WIDGETS_FOLDER, "**/*"):
            build_data["force_include"][str(path)] = f"{WIDGETS_PACKAGE}/{path.relative_to(root / WIDGETS_FOLDER)}"
        for folder, pattern in COURSE_FILES:
            for path in selected(root, folder, pattern):
                build_data["force_include"][str(path)] = f"{COURSE_FOLDER}/{path.relative_to(root).as_posix()}"
        for builder, name in (("html", "html"), ("rinoh", "pdf")):
            built = self.build_handbook(builder, self._scratch / name)
            build_data["force_include"][str(built)] = f"{COURSE_FOLDER}/handbook/_build/{name}"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        shutil.rmtree(self._scratch, ignore_errors=True)

    def map_widgets_folder(self, build_data: dict) -> None:
        from editables import EditableProject

        project = EditableProject(WIDGETS_PACKAGE, self.root)
        project.map(WIDGETS_PACKAGE, WIDGETS_FOLDER)
        for name, content in project.files():
            file = self._scratch / name
            file.write_text(content, encoding="utf-8")
            build_data["force_include_editable"][str(file)] = name
        build_data["dependencies"].extend(project.dependencies())

    def build_handbook(self, builder: str, out_dir: Path) -> Path:
        """As ``regionallabor handbook --pdf`` builds it (warnings as errors); of the PDF's folder only the PDF."""
        sys.path.insert(0, self.root)
        from regionallabor.handbuch.build import PDF_NAME, build

        built = build(builder, out_dir)
        if builder == "html":
            return built
        kept = self._scratch / "pdf-only"
        kept.mkdir()
        shutil.copy2(built / PDF_NAME, kept / PDF_NAME)
        return kept
