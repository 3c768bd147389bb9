"""What the demo seeders share beyond the demo people."""

import csv
from pathlib import Path

DATA = Path(__file__).parent / "data"


def translated(prefix: str, values: dict) -> dict:
    """``{"fi": text}`` as a model's translated fields, ``{"<prefix>_fi": text}``."""
    return {f"{prefix}_{code}": text for code, text in values.items()}


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of ``data/<name>.csv`` (UTF-8, a header line first), each by column name."""
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))
