"""How the course is served, under every deployment: the course's Voila template, and kernels that end
with their page – Voila's own shutdown when the page is left, a cull for those whose page never said so."""

from __future__ import annotations

import os

from regionallabor.core.paths import JUPYTER_DATA_DIR


def set_xsrf_cookie(handler, notebook, cwd):
    """Voila's prelaunch hook: give the page the `_xsrf` cookie its kernel shutdown request must carry.

    Voila's page sends ``POST voila/api/shutdown/<kernel>`` with the cookie's value when it is left
    (voila-dashboards/voila#1458); Jupyter's handlers set the cookie only when a page asks for the token.
    Asking for it here, before the page's first byte, sets it.
    """
    handler.xsrf_token  # noqa: B018 – the property sets the cookie
    return notebook


def with_course_templates(environ: dict[str, str]) -> dict[str, str]:
    """``environ`` with the project's share/jupyter first on JUPYTER_PATH: the template as it is in the checkout."""
    paths = [str(JUPYTER_DATA_DIR), *filter(None, environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    return {**environ, "JUPYTER_PATH": os.pathsep.join(dict.fromkeys(paths))}


# Kernels whose page never said goodbye (a closed laptop, a lost connection) end after five idle minutes;
# a page left open keeps its kernel, however long the team reads.
KERNEL_CULLING = {"cull_idle_timeout": 300, "cull_interval": 60, "cull_connected": False}


def configure(c) -> None:
    """The course's server settings, for ``regionallabor serve`` and for every Jupyter server with Voila's
    extension (Binder, the hub, Kubernetes: binder/jupyter/jupyter_server_config.py).

    In code rather than in ``jupyter_server_config.d/*.json``, which Jupyter reads for server extensions only.
    """
    c.VoilaConfiguration.prelaunch_hook = set_xsrf_cookie
    for name, value in KERNEL_CULLING.items():
        setattr(c.MappingKernelManager, name, value)
