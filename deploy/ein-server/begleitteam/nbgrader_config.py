"""A facilitator's nbgrader: the course folder (a copy of exercises/) and, if given, a shared gradebook.

The course folder is $REGIONALLABOR_KURS, else ~/regionallabor; start-singleuser.sh fills it on first start.
"""

import os
import re
from pathlib import Path

c = get_config()  # noqa: F821 – provided by traitlets when nbgrader loads this file

course = Path(os.environ.get("REGIONALLABOR_KURS") or Path.home() / "regionallabor")
if (course / "nbgrader_config.py").exists():
    load_subconfig("nbgrader_config.py", path=str(course))  # noqa: F821 – provided by traitlets
c.CourseDirectory.root = str(course)
# Several facilitators grading at once share one gradebook on PostgreSQL (deploy/kubernetes/values.yaml). The
# course image has psycopg 3; SQLAlchemy would read a plain postgresql:// URL as psycopg2, which it lacks.
if os.environ.get("REGIONALLABOR_GRADEBOOK_URL"):
    c.CourseDirectory.db_url = re.sub(
        r"^postgres(ql)?://", "postgresql+psycopg://", os.environ["REGIONALLABOR_GRADEBOOK_URL"]
    )
# Facilitators share the course's folders in the exchange (root-owned, group formgrade-regionallabor, made by
# exchange.sh) and grade in each other's course folders: nbgrader's setting for several graders on one machine.
c.CourseDirectory.groupshared = True
