from modeltranslation.translator import translator

from .models import Organisation, Sector

translator.register(Sector, fields=("name",), required_languages=("fi",))
translator.register(
    Organisation, fields=("name", "description"), required_languages={"default": ()}
)
