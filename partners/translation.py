from modeltranslation.translator import TranslationOptions, register

from .models import Organisation, Sector


@register(Sector)
class SectorTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"default": ()}
