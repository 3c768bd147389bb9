"""Baking: the badge image carries its assertion or credential.

PNG: an iTXt chunk ``openbadges`` (2.0: the assertion) or ``openbadgecredential``
(3.0: the VC-JWT). SVG: right after the opening ``<svg>`` tag, an
``openbadges:assertion`` element (2.0: ``verify`` holds the hosted assertion's address,
the content the assertion) or an ``openbadges:credential`` element (3.0: ``verify`` holds
the VC-JWT).
"""

from __future__ import annotations

import io
import re
from typing import cast
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedElementTree
from PIL import Image, PngImagePlugin

OB2_KEY = "openbadges"
OB3_KEY = "openbadgecredential"
OB2_SVG_NS = "http://openbadges.org"
OB3_SVG_NS = "https://purl.imsglobal.org/ob/v3p0"
_JWT = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


def bake_png(image: bytes, key: str, value: str) -> bytes:
    source = Image.open(io.BytesIO(image))
    info = PngImagePlugin.PngInfo()
    for existing_key, existing in getattr(source, "text", {}).items():
        if existing_key not in (OB2_KEY, OB3_KEY):
            info.add_itxt(existing_key, existing)
    info.add_itxt(key, value)
    out = io.BytesIO()
    source.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def unbake_png(data: bytes) -> dict[str, str]:
    image = Image.open(io.BytesIO(data))
    if image.format != "PNG":
        raise ValueError("not a PNG image")
    image.load()
    png = cast(PngImagePlugin.PngImageFile, image)  # its format is PNG, checked above
    return {k: str(v) for k, v in png.text.items() if k in (OB2_KEY, OB3_KEY)}


def cdata(text: str) -> str:
    """Text as CDATA that no ``]]>`` in it can end early: each one is split across two
    sections, which an XML parser joins back into the same text."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def bake_svg(svg: bytes, key: str, value: str, verify_url: str = "") -> bytes:
    """The SVG with the baked element as the first child of its root. ``svg`` is the
    sanitised image (imagery.sanitise_svg), whose opening tag holds no ``>`` but its end."""
    text = svg.decode("utf-8")
    opening = re.search(r"<svg\b[^>]*>", text)
    if opening is None:
        raise ValueError("not an SVG image")
    if key == OB3_KEY:
        baked = (
            f'<openbadges:credential xmlns:openbadges="{OB3_SVG_NS}" verify={quoteattr(value)}>'
            "</openbadges:credential>"
        )
    else:
        verify = f" verify={quoteattr(verify_url)}" if verify_url else ""
        baked = (
            f'<openbadges:assertion xmlns:openbadges="{OB2_SVG_NS}"{verify}>'
            f"{cdata(value)}</openbadges:assertion>"
        )
    return (text[: opening.end()] + baked + text[opening.end() :]).encode()


def unbake_svg(data: bytes) -> dict[str, str]:
    """What an SVG carries, read by an XML parser that refuses entities and external
    references. Baked elements of either namespace are read, so are those of other
    issuers' tools: the text content, or else the ``verify`` attribute."""
    try:
        root = DefusedElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException) as error:
        raise ValueError("not a readable SVG image") from error
    found: dict[str, str] = {}
    for element in root.iter():
        namespace, _, name = str(element.tag).removeprefix("{").partition("}")
        if namespace not in (OB2_SVG_NS, OB3_SVG_NS):
            continue
        key = {"assertion": OB2_KEY, "credential": OB3_KEY}.get(name)
        if key is None or key in found:
            continue
        content = "".join(element.itertext()).strip()
        verify = element.get("verify", "").strip()
        if key == OB3_KEY and _JWT.fullmatch(verify):
            found[key] = verify
        else:
            found[key] = content or verify
    return found


def unbake(data: bytes) -> dict[str, str]:
    if data.startswith(b"\x89PNG"):
        return unbake_png(data)
    if b"<svg" in data[:4096]:
        return unbake_svg(data)
    raise ValueError("not a PNG or SVG image")
