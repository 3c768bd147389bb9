from modeltranslation.translator import TranslationOptions, register

from .models import Material, Need, Service, Topic


@register([Need, Topic])
class NameTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"default": ()}


@register([Service, Material])
class TitleTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"default": ()}
