# Binder's and the hub's Jupyter server: the course settings that are code (Voila's prelaunch hook);
# postBuild copies this folder into the environment's etc/jupyter.
from regionallabor.serving import configure

configure(get_config())  # noqa: F821 – traitlets provides get_config in a config file
