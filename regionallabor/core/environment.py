"""Where the course runs: a laptop, Binder or a JupyterHub."""

from __future__ import annotations

import os

# Module pages sit at <server>/voila/render/modules/<page>; from there, three levels up is the server's root.
SERVER_ROOT_FROM_PAGE = "../../../"


def on_binder() -> bool:
    return bool(os.environ.get("BINDER_SERVICE_HOST") or os.environ.get("BINDER_LAUNCH_HOST"))


def on_jupyterhub() -> bool:
    return bool(os.environ.get("JUPYTERHUB_API_URL"))


def jupyterlab_link() -> str | None:
    """Where a module page links to JupyterLab for the worksheets; None where no JupyterLab runs beside Voila.

    On Binder the worksheets are in the course folder; on a hub a team fetches them in JupyterLab's
    assignment list. ``regionallabor serve`` runs Voila alone, so a laptop gets no link.
    """
    if on_binder():
        return SERVER_ROOT_FROM_PAGE + "lab/tree/exercises/source"
    if on_jupyterhub():
        return SERVER_ROOT_FROM_PAGE + "lab"
    return None
