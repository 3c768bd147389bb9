from modeltranslation.translator import TranslationOptions, register

from .models import Choice, Question, Survey


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
