"""Command line: ``regionallabor serve`` starts the course with Voila, opening on the start page;
``regionallabor handbook`` builds the handbook „Mitmach-Konferenz“."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from regionallabor.core.paths import PROJECT_ROOT

# The course folder is Voila's root, as on Binder and a hub: pages at voila/render/modules/…,
# the built handbook beside them at voila/files/handbook/….
START_PAGE = "modules/00_start.ipynb"


def project_root() -> Path:
    """The course folder: where ``modules/``, ``handbook/`` and ``voila.json`` are."""
    return PROJECT_ROOT


def make_voila_app():
    """Voila serving the course folder, with the bare address leading to the start page."""
    from jupyter_server.utils import url_path_join
    from tornado.web import RedirectHandler
    from voila.app import Voila

    class CourseVoila(Voila):
        def init_handlers(self):
            handlers = super().init_handlers()
            start = url_path_join(self.server_url, "voila/render", START_PAGE)
            return [(self.server_url.rstrip("/") + "/?", RedirectHandler, {"url": start}), *handlers]

    return CourseVoila


def serve(argv: list[str]) -> None:
    from traitlets.config import Config

    from regionallabor.handbuch.build import HandbookError, build_if_stale
    from regionallabor.serving import configure, with_course_templates

    root = project_root()
    try:
        build_if_stale()
    except HandbookError as error:  # the course works without it; its links lead nowhere until it is built
        print(f"Das Handbuch ist nicht gebaut: {error}", file=sys.stderr)
    os.environ.update(with_course_templates(os.environ))
    app_class = make_voila_app()
    # voila.json in the course folder holds the server's settings, serving.configure() those that are code.
    config = Config()
    configure(config)
    app_class.launch_instance(argv=[str(root), f"--Voila.config_file_paths={root}", *argv], config=config)


def handbook(argv: list[str]) -> None:
    from regionallabor.handbuch.build import PDF_NAME, HandbookError, build

    parser = argparse.ArgumentParser(
        prog="regionallabor handbook", description="Das Handbuch als Website bauen (und mit --pdf als PDF)."
    )
    parser.add_argument("--pdf", action="store_true", help="zusätzlich das PDF bauen (braucht rinohtype)")
    args = parser.parse_args(argv)
    try:
        print(f"Website: {build('html') / 'index.html'}")
        if args.pdf:
            print(f"PDF: {build('rinoh') / PDF_NAME}")
    except HandbookError as error:
        sys.exit(str(error))


def worksheets(argv: list[str]) -> None:
    from regionallabor.arbeitsblaetter.quellen import write_sources

    for path in write_sources():
        print(f"geschrieben: {path}")


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="regionallabor", description="Regionallabor – Kursplattform")
    parser.add_argument(
        "command",
        choices=["serve", "handbook", "worksheets"],
        help="serve: den Kurs mit Voila starten; handbook: das Handbuch bauen; "
        "worksheets: die Arbeitsblätter für nbgrader neu schreiben",
    )
    args, rest = parser.parse_known_args(argv)
    {"serve": serve, "handbook": handbook, "worksheets": worksheets}[args.command](rest)


if __name__ == "__main__":
    main()
