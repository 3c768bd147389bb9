from modeltranslation.translator import TranslationOptions, register

from .models import Badge, Pathway


@register(Badge)
class BadgeTranslationOptions(TranslationOptions):
    fields = ("name", "description", "criteria")
    required_languages = {"default": ()}


@register(Pathway)
class PathwayTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"default": ()}
