"""The handbook „Mitmach-Konferenz“: its chapters, the course's links into it, and its build.

The handbook is MyST Markdown under ``handbook/`` and is built with Sphinx into a static site
(and with rinohtype into a PDF). The course pages are served at ``voila/render/modules/<page>`` –
by ``regionallabor serve`` as on Binder or a hub – and Voila serves the built site beside them at
``voila/files/handbook/_build/html/``, so one relative link works in every setting.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from regionallabor.core.paths import HANDBOOK_DIR, INSTALLED_FROM_WHEEL, PACKAGE_DIR

BUILD_DIR = HANDBOOK_DIR / "_build"
HTML_DIR = BUILD_DIR / "html"
PDF_DIR = BUILD_DIR / "pdf"
PDF_NAME = "handbuch-mitmach-konferenz.pdf"
SITE_FROM_COURSE_PAGES = "../../files/handbook/_build/"

_TOCTREE = re.compile(r"```\{toctree\}\n(?P<body>.*?)```", re.S)
_TITLE = re.compile(r"^# (?P<title>.+)$", re.M)


class HandbookError(Exception):
    """The handbook does not build, or a chapter the course names does not exist."""


@dataclass(frozen=True)
class Chapter:
    number: int
    slug: str
    title: str

    @property
    def url(self) -> str:
        """The chapter's address relative to a course page."""
        return f"{SITE_FROM_COURSE_PAGES}html/{self.slug}.html"


@cache
def chapters() -> tuple[Chapter, ...]:
    """The chapters in the order of the handbook's table of contents, titled by their first heading."""
    match = _TOCTREE.search((HANDBOOK_DIR / "index.md").read_text(encoding="utf-8"))
    if match is None:
        raise HandbookError("handbook/index.md has no table of contents")
    slugs = [line.strip() for line in match["body"].splitlines() if line.strip() and not line.lstrip().startswith(":")]
    return tuple(Chapter(number, slug, _title(slug)) for number, slug in enumerate(slugs, start=1))


def chapter(slug: str) -> Chapter:
    for candidate in chapters():
        if candidate.slug == slug:
            return candidate
    raise HandbookError(f"Das Handbuch hat kein Kapitel „{slug}“.")


def _title(slug: str) -> str:
    path = HANDBOOK_DIR / f"{slug}.md"
    if not path.exists():
        raise HandbookError(f"Das Handbuch hat kein Kapitel „{slug}“ ({path.name} fehlt).")
    match = _TITLE.search(path.read_text(encoding="utf-8"))
    if match is None:
        raise HandbookError(f"{path.name} hat keine Überschrift.")
    return match["title"].strip()


def index_url() -> str:
    """The handbook's front page relative to a course page."""
    return f"{SITE_FROM_COURSE_PAGES}html/index.html"


def pdf_url() -> str | None:
    """The PDF's address relative to a course page, once it has been built."""
    return f"{SITE_FROM_COURSE_PAGES}pdf/{PDF_NAME}" if (PDF_DIR / PDF_NAME).exists() else None


def sources() -> list[Path]:
    """Every file the built handbook depends on, the presets it prints included."""
    files = [path for path in HANDBOOK_DIR.rglob("*") if path.is_file() and BUILD_DIR not in path.parents]
    return [*files, PACKAGE_DIR / "data" / "konferenz" / "vorlagen.toml", PACKAGE_DIR / "data" / "messages" / "de.toml"]


def is_stale(output: Path) -> bool:
    return not output.exists() or max(path.stat().st_mtime for path in sources()) > output.stat().st_mtime


def build(builder: str = "html", out_dir: Path | None = None) -> Path:
    """Build the handbook with Sphinx from scratch, warnings treated as errors; returns the output folder.

    ``builder`` is ``html`` for the website or ``rinoh`` for the PDF.
    """
    out_dir = out_dir or (HTML_DIR if builder == "html" else PDF_DIR)
    if importlib.util.find_spec("sphinx") is None:
        raise HandbookError(
            "Zum Bauen des Handbuchs fehlt Sphinx: pip install -e '.[handbook]' (für das PDF '.[pdf]')."
        )
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-E",
        "-W",
        "--keep-going",
        "-n",
        "-q",
        "-b",
        builder,
        str(HANDBOOK_DIR),
        str(out_dir),
        "-d",
        str(out_dir.parent / f".doctrees-{builder}"),
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise HandbookError(f"Das Handbuch ließ sich nicht bauen ({builder}):\n{result.stderr.strip()}")
    if builder == "html" and (broken := broken_links(out_dir)):
        raise HandbookError("Defekte Links im Handbuch:\n" + "\n".join(broken))
    return out_dir


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            elif name in ("href", "src") and value:
                self.links.append(value)


def broken_links(site: Path) -> list[str]:
    """Every link inside the built site whose file or anchor does not exist, as 'page -> link'."""
    pages: dict[Path, _Page] = {}

    def parsed(path: Path) -> _Page:
        if path not in pages:
            pages[path] = _Page()
            pages[path].feed(path.read_text(encoding="utf-8"))
        return pages[path]

    broken = []
    for page_path in sorted(site.rglob("*.html")):
        for link in parsed(page_path).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
                continue
            target = (page_path.parent / unquote(parts.path)).resolve() if parts.path else page_path
            if (
                not target.is_file()
                or parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in parsed(target).ids
            ):
                broken.append(f"{page_path.relative_to(site)} -> {link}")
    return broken


def build_if_stale() -> None:
    """In a checkout, build the website when a source is newer than it (a few seconds), so course links always
    land. A wheel carries the handbook built (hatch_build.py)."""
    if not INSTALLED_FROM_WHEEL and is_stale(HTML_DIR / "index.html"):
        build("html")
