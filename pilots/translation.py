from modeltranslation.translator import TranslationOptions, register

from .models import CallCriterion, PilotCall


@register(PilotCall)
class PilotCallTranslationOptions(TranslationOptions):
    fields = ("title", "text", "eligibility")
    required_languages = {"default": ()}


@register(CallCriterion)
class CallCriterionTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = {"default": ()}
