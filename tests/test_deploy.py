"""The Binder and hub files agree with the project: pins satisfy pyproject.toml, names match the course."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from regionallabor.arbeitsblaetter.snapshot import COURSE_ID

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def pins(path: Path) -> dict[str, Version]:
    pinned = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "-r")):
            continue
        requirement = Requirement(line)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"{path.name}: {line} is not pinned"
        pinned[canonicalize_name(requirement.name)] = Version(specifier.version)
    return pinned


def test_binder_pins_satisfy_every_runtime_dependency():
    pinned = pins(ROOT / "binder" / "requirements.txt")
    wanted = [*PYPROJECT["project"]["dependencies"], *PYPROJECT["project"]["optional-dependencies"]["pdf"]]
    for line in wanted:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"binder/requirements.txt lacks {name} (make binder-pins)"
        assert requirement.specifier.contains(pinned[name]), f"{name}=={pinned[name]} does not meet {requirement}"
    assert "regionallabor" not in pinned
    assert {"hatchling", "editables"} <= set(pinned)  # postBuild installs the course without build isolation


def test_binder_python_meets_the_projects_requirement():
    from packaging.specifiers import SpecifierSet

    runtime = (ROOT / "binder" / "runtime.txt").read_text().strip()
    assert runtime.startswith("python-")
    assert SpecifierSet(PYPROJECT["project"]["requires-python"]).contains(runtime.removeprefix("python-") + ".0")


def test_hub_requirements_build_on_the_binder_pins():
    path = ROOT / "deploy" / "ein-server" / "requirements.txt"
    assert "-r ../../binder/requirements.txt" in path.read_text().splitlines()
    hub = pins(path)
    assert {"jupyterhub", "jupyterhub-idle-culler", "jupyterhub-systemdspawner"} <= set(hub)
    assert "configurable-http-proxy" not in hub  # JupyterHub's own proxy comes from npm (package.json)
    assert not set(hub) & set(pins(ROOT / "binder" / "requirements.txt"))


def test_kubernetes_values_use_the_course_names_and_the_shared_start_script():
    values = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "values.yaml").read_text())
    extra = values["hub"]["extraConfig"]["regionallabor.py"]
    compile(extra, "regionallabor.py", "exec")
    assert f'GRADERS = "formgrade-{COURSE_ID}"' in extra
    start_script = values["singleuser"]["cmd"][-1]
    assert (ROOT / start_script.removeprefix("/opt/regionallabor/")).exists()
    assert "/opt/regionallabor/deploy/ein-server/begleitteam" in extra
    assert values["cull"]["enabled"] and values["singleuser"]["storage"]["type"] == "dynamic"
    mounts = {m["mountPath"] for m in values["singleuser"]["storage"]["extraVolumeMounts"]}
    assert values["singleuser"]["extraEnv"]["REGIONALLABOR_EXCHANGE"] in mounts
    dockerfile = (ROOT / "deploy" / "kubernetes" / "Dockerfile").read_text()
    assert "binder/requirements.txt" in dockerfile and "binder/postBuild" in dockerfile


def test_one_machine_hub_names_the_graders_group_after_the_course():
    config = (ROOT / "deploy" / "ein-server" / "jupyterhub_config.py").read_text()
    assert f'GRADERS = "formgrade-{COURSE_ID}"' in config


def test_readme_badge_opens_the_start_page():
    from urllib.parse import parse_qs, urlparse

    readme = (ROOT / "README.md").read_text()
    badge = next(word for word in readme.split("(") if word.startswith("https://mybinder.org/v2/"))
    query = parse_qs(urlparse(badge.split(")")[0]).query)
    assert query["urlpath"] == ["voila/render/modules/00_start.ipynb"]


def test_the_jupyterlab_link_only_where_jupyterlab_runs_beside_voila(monkeypatch):
    from regionallabor.core.environment import jupyterlab_link
    from widgets.start import JupyterLabLink

    for variable in ("BINDER_SERVICE_HOST", "BINDER_LAUNCH_HOST", "JUPYTERHUB_API_URL"):
        monkeypatch.delenv(variable, raising=False)
    assert jupyterlab_link() is None and JupyterLabLink().value == ""
    monkeypatch.setenv("JUPYTERHUB_API_URL", "http://127.0.0.1:8081/hub/api")
    assert jupyterlab_link() == "../../../lab"
    assert "Assignment List" in JupyterLabLink().value
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    assert jupyterlab_link() == "../../../lab/tree/exercises/source"
    assert "Selbstcheck" in JupyterLabLink().value


def test_voila_serves_the_course_template_the_project_ships():
    import json

    from regionallabor.core.paths import COURSE_CSS, JUPYTER_DATA_DIR, PROJECT_ROOT, VOILA_TEMPLATE

    settings = json.loads((PROJECT_ROOT / "voila.json").read_text(encoding="utf-8"))
    assert settings["VoilaConfiguration"]["template"] == VOILA_TEMPLATE
    assert (JUPYTER_DATA_DIR / "voila" / "templates" / VOILA_TEMPLATE / "index.html.j2").is_file()
    assert COURSE_CSS.is_file()


def shown_config(config_path: Path) -> str:
    """What a Jupyter server started with ``config_path`` really reads (as Binder's and the hub's servers do)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    result = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter")), "server", "--show-config"],
        env={**env, "JUPYTER_CONFIG_PATH": str(config_path)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_binder_and_hub_servers_cull_kernels_and_keep_voilas_shutdown_hook():
    shown = shown_config(ROOT / "binder" / "jupyter")
    assert ".cull_idle_timeout = 300" in shown and ".cull_connected = False" in shown
    assert "prelaunch_hook" in shown
    assert "'nbgrader.server_extensions.formgrader': False" in shown  # teams get no formgrader


def test_facilitators_servers_send_the_content_security_policy():
    shown = shown_config(ROOT / "deploy" / "ein-server" / "begleitteam")
    assert "frame-ancestors 'none'" in shown and "img-src 'self' data: blob:" in shown
    assert "'nbgrader.server_extensions.formgrader': True" in shown
