#!/usr/bin/env bash
# nbgrader's exchange for several users on one machine, owned by root (install.sh runs this; so does the hub test):
#   <exchange>                  1777  everyone may create, nobody may rename or delete what others made
#   <exchange>/regionallabor    2775  root:<graders> – only facilitators create the course's folders …
#     outbound/                 2775  … and release worksheets; teams fetch them
#     inbound/                  3773  teams hand in without seeing or touching other teams' submissions
#     feedback/                 2771  teams fetch their feedback by its name, without listing the others'
# nbgrader makes these folders itself on first release, but as the releasing facilitator with 0777 on the
# exchange and no sticky bit, so any team could rename the course's folder and publish its own worksheet.
set -euo pipefail
exchange="${1:?Exchange-Ordner fehlt}"
graders="${2:-formgrade-regionallabor}"
course="$exchange/regionallabor"
groupadd -f "$graders"
install -d -o root -g root -m 1777 "$exchange"
install -d -o root -g "$graders" -m 2775 "$course" "$course/outbound"
install -d -o root -g "$graders" -m 3773 "$course/inbound"
install -d -o root -g "$graders" -m 2771 "$course/feedback"
