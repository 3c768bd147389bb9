"""Finding numbers written for machines in a page: SVG geometry, progress and meters."""

import re
from html.parser import HTMLParser

NUMBER = re.compile(r"-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?")
LENGTH = re.compile(NUMBER.pattern + r"%?")
SVG_LENGTHS = {
    *("width", "height", "x", "y", "x1", "x2", "y1", "y2"),
    *("cx", "cy", "r", "rx", "ry", "dx", "dy"),
}
GAUGES = {"progress", "meter"}
GAUGE_NUMBERS = {"value", "min", "max", "low", "high", "optimum"}


def _valid(attribute: str, value: str) -> bool:
    if attribute == "viewbox":
        parts = value.split()
        return len(parts) == 4 and all(NUMBER.fullmatch(part) for part in parts)
    if attribute == "points":
        pairs = [pair.split(",") for pair in value.split()]
        return all(len(pair) == 2 and all(NUMBER.fullmatch(n) for n in pair) for pair in pairs)
    return bool(LENGTH.fullmatch(value))


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.svg_depth = 0
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.svg_depth += 1
        if self.svg_depth:
            names = SVG_LENGTHS | {"viewbox", "points"}
        elif tag in GAUGES:
            names = GAUGE_NUMBERS
        else:
            return
        self.found += [(tag, name, value or "") for name, value in attrs if name in names]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "svg":
            self.svg_depth -= 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg_depth -= 1


def machine_numbers(html: str) -> list[tuple[str, str, str]]:
    """Every (element, attribute, value) in ``html`` that must hold a plain number."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.found


def localised_machine_numbers(html: str) -> list[tuple[str, str, str]]:
    """Those of ``machine_numbers`` that are not plain numbers ("360,0", "1 200")."""
    return [found for found in machine_numbers(html) if not _valid(found[1], found[2])]
