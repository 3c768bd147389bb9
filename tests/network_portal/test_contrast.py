"""Status colours in the stylesheet meet WCAG 2.1 AA contrast (4.5:1 for normal text).

The stylesheet is read as it is served: custom properties are resolved, a rule's opacity
is blended over the page background, and a rule without its own text colour is checked
with every text colour its contents use (body text, muted text, links).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from exchanges.models import Application
from worklife_passport.models import Claim

CSS = Path(settings.BASE_DIR) / "static" / "css" / "portal.css"
AA_NORMAL_TEXT = 4.5
# The classes that say what state something is in.
STATUS_SELECTOR = re.compile(r"\.(status-[\w-]+|revoked|expired|badge-warning|message-\w+|overdue)")


def rules(css: str) -> list[tuple[str, dict[str, str]]]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{((?:[^{}]*\{[^{}]*\})*)\s*\}", r"\1", css)
    found = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                declarations[name.strip()] = value.strip()
        found.append((" ".join(selector.split()), declarations))
    return found


def custom_properties(found) -> dict[str, str]:
    properties = {}
    for selector, declarations in found:
        if selector == ":root":
            properties.update({k: v for k, v in declarations.items() if k.startswith("--")})
    return properties


def resolve(value: str, properties: dict[str, str]) -> str:
    while "var(" in value:
        value = re.sub(r"var\((--[\w-]+)\)", lambda m: properties[m.group(1)], value)
    return value


def rgb(value: str) -> tuple[float, float, float]:
    match = re.search(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b", value)
    assert match, f"not a colour this test reads: {value!r}"
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(2 * d for d in digits)
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def luminance(colour) -> float:
    def channel(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one, other) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(colour, behind, opacity: float):
    return tuple(opacity * c + (1 - opacity) * b for c, b in zip(colour, behind, strict=True))


def status_rules():
    found = rules(CSS.read_text())
    properties = custom_properties(found)
    page = rgb(properties["--bg"])
    inner_text = [rgb(properties[name]) for name in ("--ink", "--muted", "--brand")]
    checked = []
    for selector, declarations in found:
        if not STATUS_SELECTOR.search(selector):
            continue
        if not {"color", "background", "background-color", "opacity"} & declarations.keys():
            continue
        background = declarations.get("background-color", declarations.get("background"))
        back = rgb(resolve(background, properties)) if background else rgb(properties["--card"])
        if "color" in declarations:
            texts = [rgb(resolve(declarations["color"], properties))]
        else:
            texts = inner_text
        opacity = float(declarations.get("opacity", "1"))
        for text in texts:
            shown_text, shown_back = blend(text, page, opacity), blend(back, page, opacity)
            checked.append((selector, round(contrast(shown_text, shown_back), 2)))
    return checked


def test_contrast_formula_matches_the_wcag_examples():
    assert contrast(rgb("#000000"), rgb("#ffffff")) == pytest.approx(21)
    assert contrast(rgb("#767676"), rgb("#ffffff")) == pytest.approx(4.54, abs=0.01)


def test_every_status_colour_meets_aa_contrast():
    checked = status_rules()
    assert any(".revoked" in selector for selector, _ in checked)
    too_faint = [(selector, ratio) for selector, ratio in checked if ratio < AA_NORMAL_TEXT]
    assert too_faint == []


@pytest.mark.parametrize(
    "statuses",
    [Application.Status.values, Claim.Status.values, ["revoked", "expired"]],
    ids=["application", "claim", "award"],
)
def test_every_status_has_its_colour(statuses):
    selectors = " ".join(selector for selector, _ in rules(CSS.read_text()))
    missing = [value for value in statuses if not re.search(rf"\.status-{value}\b", selectors)]
    assert missing == []
