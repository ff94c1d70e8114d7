"""nbgrader settings for the Regionallabor's worksheets (course id ``regionallabor``).

Facilitators run nbgrader in this folder; see exercises/README.md for the commands in order.
"""

import os
from pathlib import Path

from nbgrader.converters import Autograde
from nbgrader.plugins.zipcollect import FileNameCollectorPlugin
from nbgrader.preprocessors import CheckCellMetadata
from nbgrader.server_extensions.formgrader.handlers import template_path as formgrader_templates

from regionallabor.arbeitsblaetter.abgabe import ZIP_PATTERN
from regionallabor.arbeitsblaetter.bereinigen import TeamTextAsText
from regionallabor.arbeitsblaetter.snapshot import COURSE_ID

HERE = Path(__file__).resolve().parent

c = get_config()  # noqa: F821 – provided by traitlets when nbgrader loads this file

c.CourseDirectory.course_id = COURSE_ID
c.CourseDirectory.root = str(HERE)
# The exchange folder every hub user can write to; on one machine e.g. /srv/nbgrader/exchange.
c.Exchange.root = os.environ.get("REGIONALLABOR_EXCHANGE", "/srv/nbgrader/exchange")
c.Exchange.path_includes_course = True

# German text where nbgrader lets us set it
c.ClearSolutions.text_stub = "Schreibt eure Antwort hier hinein."
# Our feedback template first (what a team reads: templates/feedback/); nbgrader's own folder stays in the
# list, or the formgrader finds no pages.
c.HTMLExporter.extra_template_basedirs = [str(HERE / "templates"), formgrader_templates]
c.HTMLExporter.filters = {
    "clean_html": "regionallabor.arbeitsblaetter.bereinigen.clean_html",
    "feedback_view": "regionallabor.arbeitsblaetter.rueckmeldung.feedback_view",
}

# A team's text is text: after nbgrader has restored the locked cells, the submission loses anything that
# could run, for the formgrader and the feedback alike (regionallabor/arbeitsblaetter/bereinigen.py).
# It runs before nbgrader's metadata check, which would refuse the empty metadata nbgrader's own
# DeduplicateIds leaves on a cell a team copied.
_sanitize = Autograde.class_traits()["sanitize_preprocessors"].default()
c.Autograde.sanitize_preprocessors = [
    *_sanitize[: _sanitize.index(CheckCellMetadata)],
    TeamTextAsText,
    CheckCellMetadata,
]

# The zip path: files from the module pages, named regionallabor_modul-<n>_<team>_<time>.zip
c.ZipCollectApp.collector_plugin = FileNameCollectorPlugin
c.FileNameCollectorPlugin.named_regexp = ZIP_PATTERN
c.FileNameCollectorPlugin.valid_ext = [".ipynb", ".json"]
c.ZipCollectApp.archive_directory = "archive"

# A worksheet rebuilds the snapshot and draws it; allow a slow laptop some time.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True
