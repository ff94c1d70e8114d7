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
    course_folder="${REGIONALLABOR_KURS:-$HOME/regionallabor}"
    if [ ! -e "$course_folder/nbgrader_config.py" ]; then
        mkdir -p "$course_folder" && cp -r "$course/exercises/." "$course_folder/"
    fi
fi
exec jupyterhub-singleuser "$@"
