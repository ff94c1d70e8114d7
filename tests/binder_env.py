"""The course environment built from ``binder/`` alone, the way repo2docker builds Binder's image.

repo2docker copies the repository into the image as the home folder, installs
``binder/requirements.txt`` with the Python of ``binder/runtime.txt`` and runs ``binder/postBuild``
there. ``build_course_environment`` does the same into a fresh virtual environment, from the files
git tracks (what Binder would check out), with the system's Python of that version. The folder and
the interpreter are usable by every user, so the hub test can spawn its teams' servers from them,
as a one-machine hub runs them from /opt/regionallabor.

Working on these tests: ``REGIONALLABOR_KURSUMGEBUNG=<folder>`` reuses an environment built before.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import free_port, stop_process, wait_until_answering

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"


def runtime_python() -> tuple[int, int]:
    """The Python version binder/runtime.txt asks for, e.g. (3, 11) for ``python-3.11``."""
    spec = (BINDER / "runtime.txt").read_text().strip()
    major, minor = spec.removeprefix("python-").split(".")[:2]
    return int(major), int(minor)


def shared_python() -> Path:
    """The system's Python of binder/runtime.txt's version: every user may run it, as the hub's teams must."""
    major, minor = runtime_python()
    return Path(f"/usr/bin/python{major}.{minor}")


def ensure_shared_python() -> None:
    """Called by `make test`: Debian's Python with venv, if the machine lacks it."""
    python = shared_python()
    if (
        python.exists()
        and subprocess.run([python, "-m", "ensurepip", "--version"], capture_output=True).returncode == 0
    ):
        return
    if not (shutil.which("apt-get") and os.geteuid() == 0):
        sys.exit(f"{python} mit venv fehlt; bitte das Debian-Paket {python.name}-venv installieren.")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", python.name, f"{python.name}-venv"],
        check=True,
        env=env,
    )


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


@dataclass
class CourseEnvironment:
    folder: Path  # world-readable; holds course/ and env/
    course: Path  # the repository's files; the home folder on Binder
    env: Path  # the virtual environment
    install_seconds: float  # venv + pip install -r binder/requirements.txt
    postbuild_seconds: float  # binder/postBuild, most of it the handbook's PDF
    size_bytes: int

    @property
    def bin(self) -> Path:
        return self.env / "bin"

    def environ(self, **extra: str) -> dict[str, str]:
        """A process environment for this course env only: its bin first, no settings of the test run."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("REGIONALLABOR_", "JUPYTER", "VIRTUAL_ENV", "PYTHON"))
        }
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(self.env)
        env.update(extra)
        return env

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def copy_tracked_files(target: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout
    for name in filter(None, files.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def run_logged(command: list[str], log: Path, **kwargs) -> None:
    with log.open("a") as out:
        out.write(f"\n$ {' '.join(command)}\n")
        out.flush()
        result = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, **kwargs)
    if result.returncode:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}); see {log}")


def build_course_environment() -> CourseEnvironment:
    python = shared_python()
    if not python.exists():
        raise RuntimeError(
            f"binder/runtime.txt asks for {python.name}, which this machine lacks (make test installs it)"
        )
    folder = Path(tempfile.mkdtemp(prefix="regionallabor-binder-"))
    folder.chmod(0o755)
    course, env = folder / "course", folder / "env"
    course.mkdir()
    copy_tracked_files(course)
    log = folder / "install.log"
    started = time.monotonic()
    run_logged([str(python), "-m", "venv", str(env)], log)
    environment = CourseEnvironment(folder, course, env, 0.0, 0.0, 0)
    # Binder's home is the course folder; pip keeps this machine's download cache.
    build_env = environment.environ(HOME=str(course), PIP_CACHE_DIR=pip_cache_dir())
    run_logged(
        [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "-r", "binder/requirements.txt"],
        log,
        cwd=course,
        env=build_env,
    )
    environment.install_seconds = time.monotonic() - started
    started = time.monotonic()
    run_logged([str(course / "binder" / "postBuild")], log, cwd=course, env=build_env)
    environment.postbuild_seconds = time.monotonic() - started
    environment.size_bytes = folder_size(env)
    (folder / "figures.json").write_text(
        json.dumps(
            {
                "install_seconds": environment.install_seconds,
                "postbuild_seconds": environment.postbuild_seconds,
                "size_bytes": environment.size_bytes,
            }
        )
    )
    subprocess.run(["chmod", "-R", "a+rX", str(folder)], check=True)
    return environment


def load_course_environment(folder: Path) -> CourseEnvironment:
    figures = json.loads((folder / "figures.json").read_text())
    return CourseEnvironment(folder, folder / "course", folder / "env", **figures)


def pip_cache_dir() -> str:
    return subprocess.run(
        [sys.executable, "-m", "pip", "cache", "dir"], capture_output=True, text=True, check=True
    ).stdout.strip()


class JupyterServer:
    """``jupyter server`` in the course folder, as Binder starts it: Voila and JupyterLab as server extensions."""

    def __init__(self, environment: CourseEnvironment, **extra_env: str):
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(environment.folder / f"jupyter-server-{self.port}.log", "w")
        self.process = subprocess.Popen(
            [
                str(environment.bin / "jupyter"),
                "server",
                "--no-browser",
                "--allow-root",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={self.port}",
                f"--IdentityProvider.token={self.token}",
            ],
            cwd=environment.course,
            env=environment.environ(HOME=str(environment.course), **extra_env),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        if not wait_until_answering(f"{self.url}/api/status?token={self.token}", self.process, timeout=90):
            self.stop()
            raise RuntimeError(f"jupyter server did not start; see {self.log.name}")

    def address(self, path: str) -> str:
        return f"{self.url}/{path}?token={self.token}"

    def stop(self) -> None:
        stop_process(self.process)
        self.log.close()


if __name__ == "__main__":
    ensure_shared_python()
