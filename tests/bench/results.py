"""Where each benchmark writes its figures, with the machine they were measured on."""

import json
import os
import platform
from pathlib import Path

from django.db import connection

OUT = Path(__file__).resolve().parents[2] / "var" / "bench"


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "database": connection.vendor,
    }


def save(name: str, result: dict) -> None:
    """Write ``result`` to var/bench/<name>.json and print it."""
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
