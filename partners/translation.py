from modeltranslation.translator import TranslationOptions, register

from .models import (
    CallCriterion,
    Choice,
    Organisation,
    PilotCall,
    QualityArea,
    QualityCriterion,
    Question,
    ReviewRound,
    Sector,
    Survey,
)


@register(Sector)
class SectorTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"default": ()}


@register(Survey)
class SurveyTranslationOptions(TranslationOptions):
    fields = ("title", "intro")
    required_languages = {"default": ()}


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text", "help", "scale_min_label", "scale_max_label")
    required_languages = {"default": ()}


@register(Choice)
class ChoiceTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = {"default": ()}


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


@register(PilotCall)
class PilotCallTranslationOptions(TranslationOptions):
    fields = ("title", "text", "eligibility")
    required_languages = {"default": ()}


@register(CallCriterion)
class CallCriterionTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = {"default": ()}
