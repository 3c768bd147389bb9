"""`make run PORT=…` points SITE_URL (links in e-mails and badges) at the port it serves."""

import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings


def dry_run(folder: Path, *args, **env) -> str:
    shutil.copy(Path(settings.BASE_DIR) / "Makefile", folder / "Makefile")
    for needed in ("pyproject.toml", "requirements.lock"):  # what the setup rules look at
        (folder / needed).touch()
    unset = {"SITE_URL", "HOST", "PORT", "MAKEFLAGS", "MAKELEVEL"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    make = shutil.which("make")
    assert make, "make is not installed"
    result = subprocess.run(
        [make, "--dry-run", "run", *args],
        cwd=folder,
        env={**environment, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return next(line for line in result.stdout.splitlines() if "runserver" in line)


def test_make_run_on_another_port_sets_site_url_to_that_port(tmp_path):
    line = dry_run(tmp_path, "PORT=8101")

    assert line.startswith("SITE_URL=http://127.0.0.1:8101 ")
    assert line.endswith("runserver 127.0.0.1:8101")


def test_make_run_keeps_a_site_url_from_the_environment(tmp_path):
    line = dry_run(tmp_path, "PORT=8101", SITE_URL="https://portal.example.org")

    assert "SITE_URL=" not in line


def test_make_run_keeps_a_site_url_from_the_env_file(tmp_path):
    (tmp_path / ".env").write_text("SITE_URL=https://portal.example.org\n")

    line = dry_run(tmp_path, "PORT=8101")

    assert "SITE_URL=" not in line
