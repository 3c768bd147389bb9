from modeltranslation.translator import TranslationOptions, register

from .models import Material, Need, Service, Topic


@register(Need)
class NeedTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"default": ()}


@register(Service)
class ServiceTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"default": ()}


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"default": ()}


@register(Material)
class MaterialTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"default": ()}
