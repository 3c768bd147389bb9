"""Badge images: the default one drawn when the issuer uploads none, and SVG uploads
reduced to what draws."""

import hashlib
import io
import re
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedElementTree
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from core.uploads import ShrunkFileField

_COLOURS = ["#0b4f8a", "#0f6d48", "#8a3b0b", "#5b2c83", "#0b6f7a", "#7a0b3b"]


def default_png(badge, size: int = 256) -> bytes:
    colour = _COLOURS[
        int(hashlib.sha256(str(badge.family).encode()).hexdigest(), 16) % len(_COLOURS)
    ]
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), fill=colour, outline="#ffffff", width=8)
    initials = "".join(word[0] for word in badge.name.split()[:2]).upper() or "?"
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont
    try:
        font = ImageFont.truetype(
            str(settings.BASE_DIR / "network_portal" / "fonts" / "DejaVuSans-Bold.ttf"), size // 3
        )
    except OSError:  # pragma: no cover - the font ships with the portal
        font = ImageFont.load_default()
    draw.text((size / 2, size / 2), initials, fill="#ffffff", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def badge_image_bytes(badge) -> tuple[bytes, str]:
    """The badge's image and its kind ("png" or "svg"). An SVG is sanitised again on the
    way out, so one stored before uploads were sanitised cannot carry script either."""
    if badge.image:
        with badge.image.open("rb") as handle:
            data = handle.read()
        if not badge.image.name.lower().endswith(".svg"):
            return data, "png"
        try:
            return sanitise_svg(data), "svg"
        except UnsafeSvg:
            pass
    return default_png(badge), "png"


class BadgeImageField(ShrunkFileField):
    """A badge image: an uploaded SVG is stored sanitised, never as uploaded; a raster
    one is kept at most ``max_side`` pixels on the long side."""

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed and file.name.lower().endswith(".svg"):
            file.open("rb")
            try:
                clean = sanitise_svg(file.read())
            except UnsafeSvg as error:
                raise ValidationError(str(error), code="invalid_image") from error
            file.file = ContentFile(clean, name=file.name)
        return super().pre_save(model_instance, add)


# --- SVG: only drawing survives -----------------------------------------------------
#
# An uploaded SVG is parsed by an XML parser that refuses document type declarations,
# entities and external references, then written out again from an allow-list: the
# elements that draw, the attributes that style and place them, links only to a
# fragment of the same image or to an embedded raster picture. Everything else (script,
# foreignObject, iframe, animation, event handlers, external links, CSS that can fetch or
# run something) is left out. What is stored and served is that output, never the upload.

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MAX_SVG_DEPTH = 64


class UnsafeSvg(ValueError):
    """The SVG cannot be read safely: not UTF-8, not well-formed, a DTD or entities."""


_ELEMENTS = frozenset(
    """svg g defs title desc symbol use switch path rect circle ellipse line polyline
    polygon text tspan textPath image marker pattern clipPath mask linearGradient
    radialGradient stop filter style feBlend feColorMatrix feComponentTransfer
    feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight
    feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feMerge
    feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile
    feTurbulence""".split()  # noqa: SIM905 - a word list reads better as words
)
# A link around shapes keeps the shapes, not the link.
_UNWRAP = {"a": "g"}

_ATTRIBUTES = frozenset(
    """id class style transform viewBox preserveAspectRatio width height x y x1 y1 x2 y2
    cx cy r rx ry fx fy fr d points pathLength fill fill-opacity fill-rule stroke
    stroke-width stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray
    stroke-dashoffset stroke-opacity opacity color display visibility overflow clip-path
    clip-rule mask filter font-family font-size font-weight font-style font-variant
    font-stretch text-anchor dominant-baseline alignment-baseline baseline-shift
    letter-spacing word-spacing text-decoration writing-mode dx dy rotate textLength
    lengthAdjust startOffset method spacing side gradientUnits gradientTransform
    spreadMethod offset stop-color stop-opacity patternUnits patternContentUnits
    patternTransform clipPathUnits maskUnits maskContentUnits markerWidth markerHeight
    markerUnits refX refY orient marker-start marker-mid marker-end filterUnits
    primitiveUnits in in2 result stdDeviation mode operator k1 k2 k3 k4 type values
    flood-color flood-opacity lighting-color radius scale xChannelSelector
    yChannelSelector baseFrequency numOctaves seed stitchTiles tableValues slope
    intercept amplitude exponent order kernelMatrix divisor bias targetX targetY edgeMode
    preserveAlpha surfaceScale specularConstant specularExponent diffuseConstant azimuth
    elevation z pointsAtX pointsAtY pointsAtZ limitingConeAngle version baseProfile lang
    mix-blend-mode isolation paint-order vector-effect shape-rendering text-rendering
    image-rendering color-interpolation color-interpolation-filters""".split()  # noqa: SIM905
)
_LINKS = {"href", f"{{{XLINK_NS}}}href"}
_NAMESPACED = {f"{{{XML_NS}}}space": "xml:space", f"{{{XML_NS}}}lang": "xml:lang"}

_LOCAL_FRAGMENT = re.compile(r"#[A-Za-z_][\w.:-]*")
_RASTER_DATA = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*")
# CSS that can fetch, import or run something; a backslash would hide any of them.
_UNSAFE_CSS = re.compile(
    r"url\s*\(\s*(?![\"']?\s*#)|@import|expression\s*\(|javascript:|vbscript:|behavior\s*:"
    r"|-moz-binding|\\",
    re.IGNORECASE,
)
_ENCODING_DECLARATION = re.compile(rb"^<\?xml[^>]*\bencoding\s*=\s*[\"']([^\"']+)[\"']")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def sanitise_svg(data: bytes) -> bytes:
    """The drawing of an SVG image without anything that can run or fetch. Raises
    UnsafeSvg when the image cannot be read safely."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnsafeSvg("not UTF-8") from error
    declared = _ENCODING_DECLARATION.match(data)
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        raise UnsafeSvg("declared in another encoding")
    if _CONTROL.search(text):
        raise UnsafeSvg("control characters")
    try:
        root = DefusedElementTree.fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except (ElementTree.ParseError, DefusedXmlException) as error:
        raise UnsafeSvg(str(error)) from error
    bare = not root.tag.startswith("{")
    if _svg_name(root.tag, bare) != "svg":
        raise UnsafeSvg("not an SVG image")
    parts: list[str] = []
    _write(root, parts, bare=bare, depth=0)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + "".join(parts).encode()


def _svg_name(tag: str, bare: bool) -> str | None:
    """The local name of an element of the SVG namespace (or of none, when the whole
    image declares none), else None."""
    if tag.startswith(f"{{{SVG_NS}}}"):
        return tag[len(SVG_NS) + 2 :]
    if bare and not tag.startswith("{"):
        return tag
    return None


def _safe_link(value: str) -> bool:
    value = value.strip()
    return bool(_LOCAL_FRAGMENT.fullmatch(value) or _RASTER_DATA.fullmatch(value))


def _attributes(element) -> list[tuple[str, str]]:
    kept = []
    for name, value in element.attrib.items():
        if name in _LINKS:
            if _safe_link(value):
                kept.append(("xlink:href" if name.startswith("{") else "href", value.strip()))
        elif name in _NAMESPACED:
            kept.append((_NAMESPACED[name], value))
        elif name in _ATTRIBUTES and not _UNSAFE_CSS.search(value):
            kept.append((name, value))
    return kept


def _write(element, parts: list[str], *, bare: bool, depth: int) -> None:
    if depth > MAX_SVG_DEPTH:
        raise UnsafeSvg("nested too deeply")
    name = _svg_name(element.tag, bare)
    if name in _UNWRAP:
        name, attributes = _UNWRAP[name], []
    elif name in _ELEMENTS:
        attributes = _attributes(element)
    else:
        return
    if depth == 0:
        attributes = [("xmlns", SVG_NS), ("xmlns:xlink", XLINK_NS), *attributes]
    parts.append(f"<{name}{''.join(f' {key}={quoteattr(value)}' for key, value in attributes)}>")
    if name == "style":
        css = "".join(element.itertext())
        if not _UNSAFE_CSS.search(css):
            parts.append(escape(css))
    else:
        parts.append(escape(element.text or ""))
        for child in element:
            _write(child, parts, bare=bare, depth=depth + 1)
            parts.append(escape(child.tail or ""))
    parts.append(f"</{name}>")
