"""Make sure the browser tests have a Chromium: called by `make test` before pytest.

Order: a Chromium that is already there (REGIONALLABOR_CHROMIUM, Debian's package,
or one Playwright downloaded earlier); else, on Debian as root, the `chromium`
package; else Playwright's own download. CI machines reach Debian's mirrors but
not Playwright's download server, hence Debian first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN_PACKAGES = ["chromium", "fonts-dejavu-core", "fonts-noto-color-emoji"]


def find_chromium() -> str | None:
    configured = os.environ.get("REGIONALLABOR_CHROMIUM")
    if configured and Path(configured).exists():
        return configured
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            bundled = playwright.chromium.executable_path
        if bundled and Path(bundled).exists():
            return bundled
    except Exception:
        pass
    return None


def install() -> None:
    if shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *DEBIAN_PACKAGES], check=True, env=env
        )
    else:
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)


def main() -> int:
    found = find_chromium()
    if found is None:
        install()
        found = find_chromium()
    if found is None:
        print(
            "Kein Chromium gefunden und keiner installierbar – die Browser-Tests können nicht laufen.", file=sys.stderr
        )
        return 1
    print(f"Chromium für die Browser-Tests: {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
