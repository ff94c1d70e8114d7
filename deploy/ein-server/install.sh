#!/usr/bin/env bash
# Sets up the Regionallabor hub on one Debian 12 / Ubuntu machine. Run as root, after
#   git clone <adresse-des-kurses> /opt/regionallabor
# The hub and the course share one environment, /opt/regionallabor/env; see deploy/README.md.
set -euo pipefail
course=/opt/regionallabor
cd "$course"

apt-get update -qq
apt-get install -y -qq python3.11 python3.11-venv nodejs npm
npm ci --prefix deploy/ein-server --no-audit --no-fund   # configurable-http-proxy, JupyterHub's proxy
python3.11 -m venv env
env/bin/python -m pip install --quiet -r deploy/ein-server/requirements.txt
PATH="$course/env/bin:$PATH" binder/postBuild
cp deploy/ein-server/nbgrader_config.py env/etc/jupyter/nbgrader_config.py
chmod -R a+rX "$course"

deploy/ein-server/exchange.sh /srv/nbgrader/exchange  # nbgrader's exchange, set up for many users (see the script)
install -d -m 0700 /srv/regionallabor-hub           # the hub's database and cookie secret
# the cohort's course file (dates, hosting team, videos): facilitators write /srv/regionallabor/kurs.toml
# (template: deploy/kurs.beispiel.toml), every team reads it
install -d -m 2775 -g formgrade-regionallabor /srv/regionallabor
install -d -m 0755 /etc/regionallabor
[ -e /etc/regionallabor/teams.toml ] || printf "# die Teams und ihre Mitglieder, Vorlage: $course/deploy/teams.beispiel.toml\n" > /etc/regionallabor/teams.toml
[ -e /etc/regionallabor/hub.env ] || printf 'REGIONALLABOR_BEGLEITTEAM=\n' > /etc/regionallabor/hub.env

cp deploy/ein-server/regionallabor-hub.service /etc/systemd/system/
systemctl daemon-reload
systemctl enable --now regionallabor-hub
echo "Der Hub läuft auf Port 8000. Teams und ihre Mitglieder in /etc/regionallabor/teams.toml, Begleitteam in /etc/regionallabor/hub.env eintragen,"
echo "dann: env/bin/python deploy/ein-server/zugaenge.py und systemctl restart regionallabor-hub"
