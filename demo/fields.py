"""What the demo seeders share beyond the demo people."""


def translated(prefix: str, values: dict) -> dict:
    """``{"fi": text}`` as a model's translated fields, ``{"<prefix>_fi": text}``."""
    return {f"{prefix}_{code}": text for code, text in values.items()}
