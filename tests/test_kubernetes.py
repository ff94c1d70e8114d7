"""deploy/kubernetes/ against the Zero-to-JupyterHub chart it names: its values schema, its hub configuration,
real KubeSpawner objects.

tests/data/z2jh/ holds the chart's values.yaml and values.schema.yaml (jupyterhub/zero-to-jupyterhub-k8s at
48ea50e, July 2026, after chart 4.4.0; BSD-3-Clause, see LICENSE there). What the chart's own
jupyterhub_config.py does with them – volumes as dicts, the culler's role, its tornado settings – is done
here by hand, as the chart does it, before our extraConfig runs. Not tested: a real cluster.
"""

from __future__ import annotations

import asyncio
import copy
import json
import shutil
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jsonschema
import pytest
import yaml
from traitlets.config import Config

ROOT = Path(__file__).resolve().parent.parent
CHART = ROOT / "tests" / "data" / "z2jh"
VALUES = ROOT / "deploy" / "kubernetes" / "values.yaml"
PYPROJECT_DEV = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["dev"]
FILES = {  # what the README's helm command passes with --set-file
    "roster": ROOT / "deploy" / "ein-server" / "roster.py",
    "regionallabor-hub": ROOT / "deploy" / "kubernetes" / "regionallabor_hub.py",
    "teams": ROOT / "deploy" / "teams.beispiel.toml",
}
GEHEIM = {"hub": {"db": {"url": "postgresql+psycopg2://hub:geheim@postgres/hub"}}}
CULLER_ROLE = {"name": "jupyterhub-idle-culler", "scopes": ["list:users", "delete:servers"], "services": ["culler"]}


def helm_merge(base, override):
    """Helm's merge of values files: maps merge key by key, anything else is replaced, null removes a key."""
    if not isinstance(base, dict) or not isinstance(override, dict):
        return copy.deepcopy(override)
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = helm_merge(merged.get(key), value)
    return merged


def ours() -> dict:
    return yaml.safe_load(VALUES.read_text())


def installed_values(values: dict | None = None) -> dict:
    """The values helm renders the chart with: its defaults, our file, geheim.yaml, the --set-file contents."""
    files = {"hub": {"extraFiles": {key: {"stringData": path.read_text()} for key, path in FILES.items()}}}
    merged = helm_merge(yaml.safe_load((CHART / "values.yaml").read_text()), values or ours())
    return helm_merge(helm_merge(merged, GEHEIM), files)


def schema_errors(values: dict) -> list[str]:
    schema = yaml.safe_load((CHART / "values.schema.yaml").read_text())
    validator = jsonschema.Draft7Validator(schema)
    return sorted(f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(values))


def test_the_values_fit_the_charts_schema():
    assert schema_errors(installed_values()) == []


def test_the_schema_check_would_catch_a_misspelt_value():
    values = ours()
    values["singleuser"]["memory"]["limt"] = "1G"
    assert any("limt" in error for error in schema_errors(installed_values(values)))


def test_the_values_pin_the_chart_and_keep_sqlite_off_the_network():
    values = ours()
    assert "--version 4.4.0" in VALUES.read_text()
    assert values["hub"]["db"]["type"] == "postgres"
    storage = values["singleuser"]["storage"]
    assert storage["dynamic"]["storageAccessModes"] == ["ReadWriteOnce"] and storage["dynamic"]["storageClass"]
    assert isinstance(storage["extraVolumes"], dict) and isinstance(storage["extraVolumeMounts"], dict)
    mounts = {m["mountPath"] for m in storage["extraVolumeMounts"].values()}
    assert values["singleuser"]["extraEnv"]["REGIONALLABOR_EXCHANGE"] in mounts
    assert {key for key in values["hub"]["extraFiles"]} == set(FILES)


def kube_user(name: str, number: int):
    from kubespawner.spawner import MockObject

    user = MockObject()
    user.name, user.id, user.url, user.escaped_name = name, number, f"/user/{name}/", name
    return user


@pytest.fixture
def hub_config(tmp_path, monkeypatch):
    """The hub's configuration after the chart's jupyterhub_config.py ran our extraConfig – files mounted where
    hub.extraFiles says, environment from hub.extraEnv – and a kubeconfig KubeSpawner can read (no cluster)."""
    values = installed_values()
    folder = tmp_path / "regionallabor"
    folder.mkdir()
    mount_dirs = set()
    for entry in values["hub"]["extraFiles"].values():
        mounted = Path(entry["mountPath"])
        mount_dirs.add(str(mounted.parent))
        (folder / mounted.name).write_text(entry["stringData"])
    [mount_dir] = mount_dirs
    env = values["hub"]["extraEnv"]
    monkeypatch.setenv("REGIONALLABOR_BEGLEITTEAM", env["REGIONALLABOR_BEGLEITTEAM"])
    monkeypatch.setenv("REGIONALLABOR_GRADEBOOK_URL", "postgresql://gradebook")
    monkeypatch.setattr(sys, "path", list(sys.path))
    for module in ("roster", "regionallabor_hub"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    kubeconfig = tmp_path / "kubeconfig"
    kubeconfig.write_text(
        json.dumps(
            {
                "apiVersion": "v1",
                "kind": "Config",
                "clusters": [{"name": "none", "cluster": {"server": "https://127.0.0.1:9"}}],
                "users": [{"name": "none", "user": {"token": "none"}}],
                "contexts": [{"name": "none", "context": {"cluster": "none", "user": "none"}}],
                "current-context": "none",
            }
        )
    )
    monkeypatch.setenv("KUBECONFIG", str(kubeconfig))

    c = Config()
    storage = values["singleuser"]["storage"]
    # as the chart sets them: the home's volume and mount, then extraVolumes / extraVolumeMounts, as dicts
    c.KubeSpawner.volumes = {"volume-{user_server}": {"name": "volume-{user_server}"}, **storage["extraVolumes"]}
    c.KubeSpawner.volume_mounts = {
        "volume-{user_server}": {"name": "volume-{user_server}", "mountPath": storage["homeMountPath"]},
        **storage["extraVolumeMounts"],
    }
    c.JupyterHub.load_roles = [CULLER_ROLE]
    c.JupyterHub.tornado_settings = {"slow_spawn_timeout": 0}
    extra = values["hub"]["extraConfig"]["regionallabor.py"].replace(mount_dir, str(folder))
    exec(compile(extra, "regionallabor.py", "exec"), {"c": c})
    return c


def test_the_hub_lets_in_the_roster_only_and_keeps_the_charts_own_settings(hub_config):
    c = hub_config
    assert c.Authenticator.allowed_users == {
        "rl-lt-anna",
        "rl-lt-ben",
        "rl-lt-cem",
        "rl-hw-dana",
        "rl-hw-emil",
        "begleitung-1",
        "begleitung-2",
    }
    assert c.Authenticator.allow_existing_users is False
    assert c.Authenticator.admin_users == {"begleitung-1", "begleitung-2"}
    roles = {role["name"]: role for role in c.JupyterHub.load_roles}
    assert roles["jupyterhub-idle-culler"] == CULLER_ROLE  # the chart's culler keeps its rights
    assert roles["team-server-rl-lautertal"]["groups"] == ["team-rl-lautertal"]
    assert not any("servers" in scope for scope in roles["user"]["scopes"])
    assert c.JupyterHub.tornado_settings["slow_spawn_timeout"] == 0
    assert "jupyterhub-user-rl-hochwald" in c.JupyterHub.tornado_settings["oauth_no_confirm_list"]
    assert c.JupyterHub.load_groups["formgrade-regionallabor"] == {"users": ["begleitung-1", "begleitung-2"]}


def spawned(config: Config, name: str, number: int):
    """A KubeSpawner for ``name`` with the hub's configuration, after the spawn hook, and its pod."""
    from kubespawner import KubeSpawner

    async def spawn():
        spawner = KubeSpawner(_mock=True, config=config, user=kube_user(name, number))
        spawner.pre_spawn_hook(spawner)
        return spawner, await spawner.get_pod_manifest()

    # on a thread of its own: the browser tests' Playwright may keep an event loop running in this one
    with ThreadPoolExecutor(1) as worker:
        return worker.submit(asyncio.run, spawn()).result()


def test_a_facilitators_pod_mounts_the_course_folder_beside_the_charts_volumes(hub_config):
    spawner, pod = spawned(hub_config, "begleitung-1", 3)
    assert [volume.name for volume in pod.spec.volumes] == ["exchange", "kurs", "volume-begleitung-1"]
    mounts = {mount.mount_path for mount in pod.spec.containers[0].volume_mounts}
    assert {"/home/jovyan", "/srv/nbgrader/exchange", "/srv/regionallabor/kurs"} <= mounts
    env = {item.name: item.value for item in pod.spec.containers[0].env}
    assert env["NB_UID"] == "20003" and env["REGIONALLABOR_ROLLE"] == "begleitteam"
    assert env["REGIONALLABOR_GRADEBOOK_URL"] == "postgresql://gradebook"
    assert spawner.default_url == "/lab"


def test_a_teams_pod_opens_the_start_page_and_knows_its_members_names(hub_config):
    spawner, pod = spawned(hub_config, "rl-lautertal", 11)
    assert [volume.name for volume in pod.spec.volumes] == ["exchange", "volume-rl-lautertal"]
    env = {item.name: item.value for item in pod.spec.containers[0].env}
    assert json.loads(env["REGIONALLABOR_KONTEN"]) == {"rl-lt-anna": "Anna", "rl-lt-ben": "Ben", "rl-lt-cem": "Cem"}
    assert env["NB_UID"] == "20011" and "REGIONALLABOR_ROLLE" not in env
    assert spawner.default_url == "/voila/render/modules/00_start.ipynb"


def test_a_member_gets_no_pod_of_their_own(hub_config):
    with pytest.raises(RuntimeError, match="keinen eigenen Server"):
        spawned(hub_config, "rl-lt-anna", 12)


def test_a_list_of_volumes_from_an_older_chart_gets_the_course_folder_too(hub_config):
    sys.path.insert(0, str(ROOT / "deploy" / "kubernetes"))
    import regionallabor_hub

    volumes = regionallabor_hub.with_volume([{"name": "home"}], "kurs", {"name": "kurs"})
    assert volumes == [{"name": "home"}, {"name": "kurs"}]
    assert regionallabor_hub.with_volume({"home": {}}, "kurs", {"name": "kurs"}) == {
        "home": {},
        "kurs": {"name": "kurs"},
    }
    shutil.rmtree(Path(regionallabor_hub.__file__).parent / "__pycache__", ignore_errors=True)


def test_the_course_image_reads_the_gradebook_with_psycopg_3(tmp_path, monkeypatch):
    from sqlalchemy.engine import make_url
    from traitlets.config.loader import PyFileConfigLoader

    dockerfile = (ROOT / "deploy" / "kubernetes" / "Dockerfile").read_text()
    assert '"psycopg[binary]==3.' in dockerfile and "psycopg2" not in dockerfile
    # the single-user servers speak the hub's version: the one of chart 4.4.0, against which these tests run
    hub = next(d for d in PYPROJECT_DEV if d.startswith("jupyterhub=="))
    assert f" {hub} " in dockerfile
    config = ROOT / "deploy" / "ein-server" / "begleitteam"
    monkeypatch.setenv("REGIONALLABOR_KURS", str(tmp_path))
    for given in (
        "postgresql://nbgrader:geheim@postgres/regionallabor",
        "postgres://nbgrader:geheim@postgres/regionallabor",
    ):
        monkeypatch.setenv("REGIONALLABOR_GRADEBOOK_URL", given)
        url = make_url(PyFileConfigLoader("nbgrader_config.py", path=str(config)).load_config().CourseDirectory.db_url)
        assert (url.get_backend_name(), url.get_driver_name(), url.database) == (
            "postgresql",
            "psycopg",
            "regionallabor",
        )
