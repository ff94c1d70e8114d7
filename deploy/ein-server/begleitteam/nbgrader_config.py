"""A facilitator's nbgrader: the course folder ~/regionallabor (a copy of exercises/) and its settings."""

from pathlib import Path

c = get_config()  # noqa: F821 – provided by traitlets when nbgrader loads this file

course = Path.home() / "regionallabor"
if (course / "nbgrader_config.py").exists():
    load_subconfig("nbgrader_config.py", path=str(course))  # noqa: F821 – provided by traitlets
c.CourseDirectory.root = str(course)
