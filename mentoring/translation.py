from modeltranslation.translator import TranslationOptions, register

from .models import Programme


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"default": ()}
