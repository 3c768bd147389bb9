from modeltranslation.translator import TranslationOptions, register

from .models import Need, Service


@register(Need)
class NeedTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"default": ()}


@register(Service)
class ServiceTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"default": ()}
