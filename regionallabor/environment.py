"""Where the course runs: a laptop, Binder or a JupyterHub."""

from __future__ import annotations

import os


def on_binder() -> bool:
    return bool(os.environ.get("BINDER_SERVICE_HOST") or os.environ.get("BINDER_LAUNCH_HOST"))


def on_jupyterhub() -> bool:
    return bool(os.environ.get("JUPYTERHUB_API_URL"))
