"""nbgrader settings for the Regionallabor's worksheets (course id ``regionallabor``).

Facilitators run nbgrader in this folder; see exercises/README.md for the commands in order.
"""

import os
from pathlib import Path

from nbgrader.plugins.zipcollect import FileNameCollectorPlugin
from nbgrader.server_extensions.formgrader.handlers import template_path as formgrader_templates

from regionallabor.arbeitsblaetter.abgabe import ZIP_PATTERN
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
# Our feedback template first; nbgrader's own folder stays in the list, or the formgrader finds no pages.
c.HTMLExporter.extra_template_basedirs = [str(HERE / "templates"), formgrader_templates]

# The zip path: files from the module pages, named regionallabor_modul-<n>_<team>_<time>.zip
c.ZipCollectApp.collector_plugin = FileNameCollectorPlugin
c.FileNameCollectorPlugin.named_regexp = ZIP_PATTERN
c.FileNameCollectorPlugin.valid_ext = [".ipynb", ".json"]
c.ZipCollectApp.archive_directory = "archive"

# A worksheet rebuilds the snapshot and draws it; allow a slow laptop some time.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True
