#!/usr/bin/env bash
# Starts a hub user's Jupyter server (JupyterHub runs this as the user, in the home folder).
# The course's pages appear in the home folder as links to the course checkout, so they open at
# voila/render/modules/… as on Binder; a facilitator gets the nbgrader course folder
# ($REGIONALLABOR_KURS, on one machine ~/regionallabor).
set -euo pipefail
course="${REGIONALLABOR_KURSORDNER:-/opt/regionallabor}"
cd "$HOME"
for item in modules handbook voila.json; do
    [ -e "$item" ] || [ -L "$item" ] || ln -s "$course/$item" "$item"
done
if [ "${REGIONALLABOR_ROLLE:-}" = "begleitteam" ]; then
    # What a facilitator makes, the other facilitators may read and grade: the course folder belongs
    # to their group, and new files in it to the group as well (setgid), writable by it (umask 007).
    umask 007
    course_folder="${REGIONALLABOR_KURS:-$HOME/regionallabor}"
    if [ ! -e "$course_folder/nbgrader_config.py" ]; then
        mkdir -p "$course_folder" && cp -r "$course/exercises/." "$course_folder/"
        chgrp -R "${REGIONALLABOR_BEGLEITGRUPPE:-formgrade-regionallabor}" "$course_folder"
        chmod -R g+rwX,o-rwx "$course_folder"
        find "$course_folder" -type d -exec chmod g+s {} +
    fi
else
    umask 077  # a team's files – workbook, worksheets, submissions, feedback – are the team's alone
fi
exec jupyterhub-singleuser "$@"
