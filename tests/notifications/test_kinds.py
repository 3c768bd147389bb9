"""A kind registered without a template uses the triple named after its key."""

from django.template.loader import get_template

from notifications import kinds


def test_kind_without_a_template_uses_the_one_named_after_its_key():
    kind = kinds.get("partners.invitation")

    assert kind.template == "partners/emails/invitation"
    for suffix in (".subject.txt", ".txt", ".html"):
        get_template(kind.template + suffix)


def test_kind_keeps_the_template_it_names():
    kind = kinds.get("exchanges.application_moved")

    assert kind.template == "exchanges/emails/application_moved"
