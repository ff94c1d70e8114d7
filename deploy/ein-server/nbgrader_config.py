"""nbgrader for everyone on the course hub: the course id and the exchange folder.

install.sh copies this to <environment>/etc/jupyter/nbgrader_config.py, where every user's server reads it.
"""

import os

from regionallabor.arbeitsblaetter.snapshot import COURSE_ID

c = get_config()  # noqa: F821 – provided by traitlets when nbgrader loads this file

c.CourseDirectory.course_id = COURSE_ID
c.Exchange.root = os.environ.get("REGIONALLABOR_EXCHANGE", "/srv/nbgrader/exchange")
c.Exchange.path_includes_course = True
