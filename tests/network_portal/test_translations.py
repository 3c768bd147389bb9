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


GLOSSARY = Path(settings.BASE_DIR) / "docs" / "glossary.md"


def _words_to_avoid() -> list[tuple[str, str]]:
    """The (language, pattern) rows of the glossary's "Words to avoid" table."""
    section = GLOSSARY.read_text(encoding="utf-8").split("## Words to avoid", 1)[1]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if len(cells) == 4 and cells[1].startswith("`"):
            rows.append((cells[0], cells[1].strip("`").replace("\\|", "|")))
    return rows


def test_the_glossary_lists_words_to_avoid_for_the_flagged_languages():
    languages = {language for language, _pattern in _words_to_avoid()}
    assert {"fi", "sv", "et", "lt", "ru"} <= languages


@pytest.mark.parametrize("language", ["fi", "sv", "et", "lt", "ru"])
def test_translations_keep_to_the_glossary(language):
    patterns = [re.compile(p) for lang, p in _words_to_avoid() if lang == language]
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    offending = [
        (pattern.pattern, text)
        for message in catalogue
        if message.id
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
        for pattern in patterns
        if text and pattern.search(text)
    ]
    assert not offending, f"{language}: words the glossary avoids: {offending[:5]}"
