from modeltranslation.translator import translator

from .models import Choice, Question, Survey

translator.register(Survey, fields=("title", "intro"), required_languages={"default": ()})
translator.register(
    Question,
    fields=("text", "help", "scale_min_label", "scale_max_label"),
    required_languages={"default": ()},
)
translator.register(Choice, fields=("text",), required_languages={"default": ()})
