"""Badge images cannot carry script: SVG uploads are parsed, reduced to what draws and
stored as such; what is baked into an SVG cannot break out of its element."""

import json
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from worklife_passport.imagery import UnsafeSvg, sanitise_svg
from worklife_passport.models import Badge
from worklife_passport.openbadges import baking, urls
from worklife_passport.openbadges import verify as verifier
from worklife_passport.services.badges import badge_create
from worklife_passport.validators import validate_badge_image

pytestmark = pytest.mark.django_db

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
OB2 = "http://openbadges.org"


def _svg(body: str, root_attributes: str = "") -> bytes:
    return (
        f'<svg xmlns="{SVG}" xmlns:xlink="{XLINK}" width="64" height="64"'
        f" {root_attributes}>{body}</svg>"
    ).encode()


def _every_attribute(data: bytes) -> list[tuple[str, str]]:
    root = ElementTree.fromstring(data)  # noqa: S314 - our own sanitised output
    return [(name, value) for element in root.iter() for name, value in element.attrib.items()]


def _tags(data: bytes) -> set[str]:
    root = ElementTree.fromstring(data)  # noqa: S314 - our own sanitised output
    return {element.tag.rpartition("}")[2] for element in root.iter()}


def _upload(data: bytes, name="badge.svg"):
    return SimpleUploadedFile(name, data, content_type="image/svg+xml")


# --- reading the upload ------------------------------------------------------------


def test_a_utf16_svg_with_a_script_is_refused():
    body = '<?xml version="1.0" encoding="UTF-16"?>' + _svg("<script>alert(1)</script>").decode()
    for data in (body.encode("utf-16"), body.encode("utf-16-le")):
        with pytest.raises(UnsafeSvg):
            sanitise_svg(data)
        with pytest.raises(ValidationError) as refused:
            validate_badge_image(_upload(data))
        assert refused.value.code == "invalid_image"


def test_an_svg_declared_in_another_encoding_is_refused():
    data = b'<?xml version="1.0" encoding="ISO-8859-1"?>' + _svg("<circle r='4'/>")
    with pytest.raises(UnsafeSvg):
        sanitise_svg(data)


def test_external_entities_and_entity_expansion_are_refused():
    external = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + _svg("<text>&x;</text>")
    )
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;">]>' + _svg("<text>&d;</text>")
    )
    doctype_only = b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://x/svg11.dtd">' + _svg(
        ""
    )
    for data in (external, laughs, doctype_only):
        with pytest.raises(ValidationError):
            validate_badge_image(_upload(data))


def test_what_is_not_an_svg_is_refused():
    for data in (b"<html><body/></html>", b"not xml at all", b"<svg"):
        with pytest.raises(ValidationError):
            validate_badge_image(_upload(data))


# --- what is left of it -----------------------------------------------------------


def test_an_entity_encoded_javascript_link_is_dropped():
    data = _svg(
        '<a href="&#106;avascript:alert(1)"><circle r="4" fill="red"/></a>'
        '<use xlink:href="&#x6A;avascript:alert(2)"/>'
        '<image href="jav&#x09;ascript:alert(3)" width="4" height="4"/>'
        '<image href="https://tracker.example/pixel.png" width="4" height="4"/>'
    )
    validate_badge_image(_upload(data))  # readable, so accepted: stored without the links
    clean = sanitise_svg(data)
    for name, value in _every_attribute(clean):
        assert "script" not in value.lower(), (name, value)
        assert "tracker.example" not in value, (name, value)
    assert "circle" in _tags(clean)  # the drawing inside the link is kept


def test_foreign_object_iframe_script_and_animation_are_dropped():
    data = _svg(
        "<script>alert(1)</script>"
        '<foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml"'
        ' src="https://evil.example/"/><body xmlns="http://www.w3.org/1999/xhtml">'
        "<script>alert(2)</script></body></foreignObject>"
        '<iframe src="https://evil.example/"/>'
        '<set attributeName="href" to="javascript:alert(3)"/>'
        '<rect width="10" height="10"/>'
    )
    clean = sanitise_svg(data)
    assert _tags(clean) == {"svg", "rect"}
    assert b"alert" not in clean
    assert b"evil.example" not in clean


def test_event_handlers_are_dropped():
    data = _svg('<circle r="4" onclick="alert(2)" ONMOUSEOVER="alert(3)"/>', 'onload="alert(1)"')
    clean = sanitise_svg(data)
    names = {name.lower() for name, _value in _every_attribute(clean)}
    assert not any(name.startswith("on") for name in names)
    assert b"alert" not in clean


def test_styles_that_fetch_or_run_are_dropped_and_others_kept():
    data = _svg(
        "<style>@import url(https://evil.example/x.css);</style>"
        "<style>.a { fill: #0b4f8a }</style>"
        '<rect class="a" width="4" height="4" style="fill: url(https://evil.example/p)"/>'
        '<rect width="4" height="4" style="width: expression(alert(1))"/>'
        '<rect width="4" height="4" style="fill:\\75rl(https://evil.example)"/>'
        '<rect width="4" height="4" fill="url(#g)" style="stroke: blue"/>'
    )
    clean = sanitise_svg(data).decode()
    assert "evil.example" not in clean
    assert "expression" not in clean
    assert ".a { fill: #0b4f8a }" in clean
    assert 'fill="url(#g)"' in clean
    assert 'style="stroke: blue"' in clean


def test_a_plain_drawing_survives_intact():
    data = _svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/>'
        '<stop offset="1" stop-color="#000"/></linearGradient>'
        '<circle id="dot" r="3"/></defs>'
        "<title>Customer service &amp; care</title>"
        '<circle cx="32" cy="32" r="30" fill="url(#g)" stroke="#0b4f8a" stroke-width="2"/>'
        '<use xlink:href="#dot" x="10" y="10"/>'
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="4" height="4"/>'
        '<text x="32" y="36" text-anchor="middle" xml:space="preserve">CS</text>',
        'viewBox="0 0 64 64"',
    )
    clean = sanitise_svg(data)
    root = ElementTree.fromstring(clean)  # noqa: S314 - our own sanitised output
    assert root.tag == f"{{{SVG}}}svg"
    assert root.get("viewBox") == "0 0 64 64"
    assert root.find(f".//{{{SVG}}}title").text == "Customer service & care"
    assert root.find(f".//{{{SVG}}}use").get(f"{{{XLINK}}}href") == "#dot"
    assert root.find(f".//{{{SVG}}}image").get("href").startswith("data:image/png;base64,")
    assert root.find(f".//{{{SVG}}}text").text == "CS"
    assert len(root.findall(f".//{{{SVG}}}stop")) == 2


def test_the_sanitised_svg_is_stored_not_the_upload(world):
    upload = _upload(_svg('<circle r="4"/><script>alert(1)</script>', 'onload="alert(2)"'))
    badge = badge_create(
        actor=world.coordinator,
        issuer=world.school,
        data={
            "name_fi": "Kuvallinen",
            "name_en": "With an image",
            "description_en": "d",
            "criteria_fi": "k",
            "criteria_en": "c",
            "category": Badge.Category.WORK_LIFE,
            "image": upload,
        },
    )
    with badge.image.open("rb") as handle:
        stored = handle.read()
    assert b"alert" not in stored
    assert _tags(stored) == {"svg", "circle"}


def test_an_svg_stored_before_sanitising_is_served_sanitised(client, world):
    # As one stored before uploads were sanitised: written to storage as it came.
    world.badge.image.save(
        "old.svg",
        ContentFile(_svg('<script>alert(1)</script><rect width="4" height="4"/>')),
        save=False,
    )
    Badge.objects.filter(pk=world.badge.pk).update(image=world.badge.image.name)
    response = client.get(f"/ob/v2/badges/{world.badge.pk}/image")
    assert response["Content-Type"] == "image/svg+xml"
    assert b"alert" not in response.content
    assert "rect" in _tags(response.content)


# --- baking ---------------------------------------------------------------------------


def test_a_narrative_cannot_end_the_baked_cdata(client, world):
    world.badge.image.save("b.svg", ContentFile(_svg('<circle r="4"/>')), save=False)
    Badge.objects.filter(pk=world.badge.pk).update(image=world.badge.image.name)
    narrative = 'Done.]]><script xmlns="http://www.w3.org/2000/svg">alert(1)</script><![CDATA['
    award = world.award(evidence=narrative)
    client.force_login(world.student)
    response = client.get(f"/en/passport/awards/{award.public_id}/baked-ob2/")
    assert response["Content-Type"] == "image/svg+xml"

    root = ElementTree.fromstring(response.content)  # noqa: S314 - parsed to look for injection
    assert _tags(response.content) == {"svg", "assertion", "circle"}
    baked = root.find(f"{{{OB2}}}assertion")
    assert baked.get("verify") == urls.assertion_url(award)
    assertion = json.loads(baked.text)
    assert assertion["evidence"]["narrative"] == narrative
    assert assertion["id"] == urls.assertion_url(award)
    assert verifier.verify_image(response.content).verdict == verifier.VALID


def test_the_cdata_split_reads_back_as_the_same_text():
    text = "a]]>b]]]]>c<![CDATA[d"
    svg = baking.bake_svg(_svg(""), baking.OB2_KEY, text, 'https://example.org/a?x="1"&y=<2>')
    root = ElementTree.fromstring(svg)  # noqa: S314 - our own output
    element = root.find(f"{{{OB2}}}assertion")
    assert element.text == text
    assert element.get("verify") == 'https://example.org/a?x="1"&y=<2>'
    assert baking.unbake(svg) == {baking.OB2_KEY: text}


def test_unbaking_refuses_entities():
    bomb = b'<!DOCTYPE svg [<!ENTITY a "lol">]>' + _svg(
        f'<openbadges:assertion xmlns:openbadges="{OB2}">&a;</openbadges:assertion>'
    )
    assert verifier.verify_image(bomb).verdict == verifier.UNREADABLE
