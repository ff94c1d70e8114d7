"""Command line: ``regionallabor serve`` starts the course with Voila, opening on the start page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

START_PAGE = "00_start.ipynb"


def project_root() -> Path:
    """The course folder: where ``modules/`` and ``voila.json`` are."""
    return Path(__file__).resolve().parent.parent


def make_voila_app():
    """Voila serving ``modules/``, with the bare address leading to the start page."""
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
    root = project_root()
    app_class = make_voila_app()
    # voila.json in the course folder holds the server's settings; the command line adds only the folder.
    app_class.launch_instance(
        argv=[str(root / "modules"), f"--Voila.config_file_paths={root}", *argv],
    )


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="regionallabor", description="Regionallabor – Kursplattform")
    parser.add_argument("command", choices=["serve"], help="serve: den Kurs mit Voila starten")
    args, rest = parser.parse_known_args(argv)
    if args.command == "serve":
        serve(rest)


if __name__ == "__main__":
    main()
