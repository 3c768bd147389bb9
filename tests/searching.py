"""What the tests of the lists with a text query read from a page: the words marked, the
notice above the rows and its links to the same query with fewer filters."""

import re
from html import unescape
from urllib.parse import parse_qs

_MARK = re.compile(r"<mark>(.*?)</mark>")
_LINK = re.compile(r'<a href="\?([^"]*)">without (?:“([^”]*)”|(any filter))</a>')


def page_text(response) -> str:
    return response.content.decode()


def marked(response) -> list[str]:
    """The words the page marks as found."""
    return [unescape(word) for word in _MARK.findall(page_text(response))]


def relax_links(response) -> dict[str, dict[str, list[str]]]:
    """The notice's links by their filter ("" for the one without any), each as the
    parameters it asks for."""
    return {
        unescape(label or ""): parse_qs(unescape(query))
        for query, label, _any in _LINK.findall(page_text(response))
    }


def corrected_notice(asked: str, shown: str) -> str:
    return f"No results for “{asked}”. Showing results for “{shown}”."


def nothing_notice(asked: str) -> str:
    return f"Nothing found for “{asked}”."
