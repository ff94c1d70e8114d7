"""How the course is served, under every deployment: the course's Voila template, and kernels that end
with their page – Voila's own shutdown when the page is left, a cull for those whose page never said so."""

from __future__ import annotations

import json
import os
from urllib.parse import unquote

from regionallabor.core.paths import JUPYTER_DATA_DIR
from regionallabor.core.store import PERSON_VARIABLE

PERSON_COOKIE = "regionallabor-person"  # set by the start page's „Wer arbeitet gerade?“ (static/regionallabor.js)
ACCOUNTS_VARIABLE = "REGIONALLABOR_KONTEN"  # on a team server: {"hub name": "display name"} from the roster


def prepare_page(handler, notebook, cwd):
    """Voila's prelaunch hook, run for every page before its kernel starts."""
    set_xsrf_cookie(handler)
    set_page_person(handler)
    return notebook


def set_xsrf_cookie(handler) -> None:
    """Give the page the `_xsrf` cookie its kernel shutdown request must carry.

    Voila's page sends ``POST voila/api/shutdown/<kernel>`` with the cookie's value when it is left
    (voila-dashboards/voila#1458); Jupyter's handlers set the cookie only when a page asks for the token.
    Asking for it here, before the page's first byte, sets it.
    """
    handler.xsrf_token  # noqa: B018 – the property sets the cookie


def page_person(handler) -> str | None:
    """Who opens the page: on a hub the member logged in (by the roster's name for the account), elsewhere
    the name the start page was told, if any."""
    if os.environ.get("JUPYTERHUB_USER"):
        user = handler.current_user
        account = getattr(user, "username", None) or getattr(user, "name", None)
        if not account:
            return None
        try:
            names = json.loads(os.environ.get(ACCOUNTS_VARIABLE) or "{}")
        except ValueError:
            names = {}
        return str(names.get(account) or account)
    cookie = handler.get_cookie(PERSON_COOKIE) or ""
    return unquote(cookie).strip()[:80] or None


def set_page_person(handler) -> None:
    """The person into the environment the page's kernel starts with (the store reads PERSON_VARIABLE).

    Voila builds the kernel's environment from ``os.environ`` right after this hook returns, with nothing
    awaited in between (voila/handler.py, 0.5); the value is taken out again on the next turn of the loop,
    so no other kernel of the server inherits it.
    """
    from tornado.ioloop import IOLoop

    person = page_person(handler)
    if person is None:
        os.environ.pop(PERSON_VARIABLE, None)
        return
    os.environ[PERSON_VARIABLE] = person
    IOLoop.current().add_callback(os.environ.pop, PERSON_VARIABLE, None)


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
    c.VoilaConfiguration.prelaunch_hook = prepare_page
    for name, value in KERNEL_CULLING.items():
        setattr(c.MappingKernelManager, name, value)
