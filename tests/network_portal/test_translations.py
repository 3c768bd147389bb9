import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_catalogue_is_complete(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (not message.string or (isinstance(message.string, tuple) and not all(message.string)))
    ]
    fuzzy = [message.id for message in catalogue if message.id and message.fuzzy]
    assert not untranslated, f"{language}: untranslated {untranslated[:10]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:10]}"
    assert not catalogue.fuzzy, f"{language}: the header is marked fuzzy"


@pytest.mark.parametrize("language", ["fi", "sv", "et", "lt", "ru"])
def test_translations_are_not_copies_of_the_english(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    # Sentences, not names or a word between placeholders ("Version %(n)s · %(title)s").
    sentences = [
        m
        for m in catalogue
        if isinstance(m.id, str) and len(re.sub(r"%\(\w+\)[sd]|<[^>]+>", " ", m.id).split()) >= 4
    ]
    copies = [m.id for m in sentences if m.string == m.id]
    assert not copies, f"{language}: copied from English: {copies[:5]}"
