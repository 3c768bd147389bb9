"""No Docker engine runs where the tests run, so check that what the compose file and
the Dockerfile start exists in the project."""

import importlib
import json
import re
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands
from django.urls import resolve

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def import_target(target: str):
    module_name, _, attribute = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module


def check_command(command: list[str]):
    program, *args = command
    if program == "gunicorn":
        target = next(a for a in args if not a.startswith("-"))
        assert callable(import_target(target)), target
    elif program == "celery":
        app_arg = next(a for a in args if a.startswith("--app="))
        module = import_target(app_arg.split("=", 1)[1])
        from celery import Celery

        assert isinstance(module.celery_app, Celery)
        subcommand = next(a for a in args if not a.startswith("-"))
        assert subcommand in {"worker", "beat"}
        queues = [a.split("=", 1)[1] for a in args if a.startswith("--queues=")]
        for queue_list in queues:
            from django.conf import settings

            routed = {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()}
            assert routed | {settings.CELERY_TASK_DEFAULT_QUEUE} <= set(queue_list.split(","))
    elif program == "python":
        assert args[0] == "manage.py"
        assert args[1] in get_commands(), args[1]
    else:
        pytest.fail(f"unknown program in the compose file: {program}")


def test_every_compose_service_runs_something_that_exists(compose):
    app_services = [name for name, svc in compose["services"].items() if "command" in svc]
    assert {"web", "worker", "beat", "migrate"} <= set(app_services)
    for name in ("web", "worker", "beat", "migrate"):
        check_command(compose["services"][name]["command"])


def test_compose_has_the_production_like_stack_with_health_checks(compose):
    services = compose["services"]
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(services)
    for name in ("postgres", "redis", "web", "worker"):
        assert "healthcheck" in services[name], name
    environment = services["web"]["environment"]
    assert environment["DEBUG"] == "false"
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert environment["REDIS_URL"].startswith("redis://")


def test_web_health_check_probes_the_health_url(compose):
    probe = " ".join(compose["services"]["web"]["healthcheck"]["test"])
    path = re.search(r"http://localhost:8000(/[^'\"]*)", probe).group(1)
    assert resolve(path).url_name == "health"


def test_dockerfile_runs_gunicorn_on_the_wsgi_app_as_a_non_root_user():
    text = (ROOT / "Dockerfile").read_text()
    cmd = json.loads(re.search(r"^CMD (\[.*\])$", text, re.MULTILINE).group(1))
    check_command(cmd)
    users = re.findall(r"^USER (\S+)$", text, re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}


def test_every_setting_in_env_example_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    names = re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE)
    assert names
    missing = [name for name in names if f"`{name}`" not in readme]
    assert not missing, f"README does not describe: {missing}"
