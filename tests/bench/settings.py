"""The production settings, plus the floor view the benchmark compares every page with."""

from network_portal.settings import *  # noqa: F403
from network_portal.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "tests.bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "bench" / "templates"]
