from modeltranslation.translator import translator

from .models import CallCriterion, PilotCall

translator.register(
    PilotCall, fields=("title", "text", "eligibility"), required_languages={"default": ()}
)
translator.register(CallCriterion, fields=("text",), required_languages={"default": ()})
