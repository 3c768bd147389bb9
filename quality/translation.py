from modeltranslation.translator import TranslationOptions, register

from .models import QualityArea, QualityCriterion, ReviewRound


@register(QualityArea)
class QualityAreaTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"default": ()}


@register(QualityCriterion)
class QualityCriterionTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = {"default": ()}


@register(ReviewRound)
class ReviewRoundTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"default": ()}
