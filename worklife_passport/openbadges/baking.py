"""Baking: the badge image carries its assertion or credential.

PNG: an iTXt chunk ``openbadges`` (2.0: the assertion) or ``openbadgecredential``
(3.0: the VC-JWT). SVG: an ``openbadges:assertion`` or ``openbadges:credential``
element right after the opening ``<svg>`` tag.
"""

from __future__ import annotations

import io
import re

from PIL import Image, PngImagePlugin

OB2_KEY = "openbadges"
OB3_KEY = "openbadgecredential"
_SVG_NS = 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"'


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
    return {k: str(v) for k, v in image.text.items() if k in (OB2_KEY, OB3_KEY)}


def bake_svg(svg: bytes, key: str, value: str, verify_url: str = "") -> bytes:
    text = svg.decode("utf-8")
    opening = re.search(r"<svg\b[^>]*>", text)
    if opening is None:
        raise ValueError("not an SVG image")
    tag = opening.group(0)
    if "xmlns:openbadges" not in tag:
        tag = tag[:-1] + f" {_SVG_NS}>"
    element = "credential" if key == OB3_KEY else "assertion"
    verify = f' verify="{verify_url}"' if verify_url else ""

    baked = f"<openbadges:{element}{verify}><![CDATA[{value}]]></openbadges:{element}>"
    return (text[: opening.start()] + tag + baked + text[opening.end() :]).encode()


def unbake_svg(data: bytes) -> dict[str, str]:
    text = data.decode("utf-8", errors="replace")
    found = {}
    for element, key in (("assertion", OB2_KEY), ("credential", OB3_KEY)):
        match = re.search(
            rf"<openbadges:{element}([^>]*)>(?:<!\[CDATA\[(.*?)\]\]>)?.*?</openbadges:{element}>",
            text,
            re.S,
        )
        if match:
            verify = re.search(r'verify="([^"]+)"', match.group(1))
            found[key] = match.group(2) or (verify.group(1) if verify else "")
    return found


def unbake(data: bytes) -> dict[str, str]:
    if data.startswith(b"\x89PNG"):
        return unbake_png(data)
    if b"<svg" in data[:4096]:
        return unbake_svg(data)
    raise ValueError("not a PNG or SVG image")
