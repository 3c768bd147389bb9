from modeltranslation.translator import translator

from .models import QualityArea, QualityCriterion, ReviewRound

translator.register(QualityArea, fields=("name", "description"), required_languages={"default": ()})
translator.register(QualityCriterion, fields=("text",), required_languages={"default": ()})
translator.register(
    ReviewRound, fields=("title", "description"), required_languages={"default": ()}
)
