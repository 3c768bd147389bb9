from django.db import migrations

TOPICS = {
    "finnish-language-and-culture": (
        "Suomen kieli ja kulttuuri",
        "Finska språket och kulturen i Finland",
        "Finnish language and culture",
        "Soome keel ja kultuur",
        "Suomių kalba ir kultūra",
        "Финский язык и культура",
    ),
    "working-life-in-finland": (
        "Suomalainen työelämä",
        "Arbetslivet i Finland",
        "Working life in Finland",
        "Tööelu Soomes",
        "Darbo kultūra Suomijoje",
        "Трудовая жизнь в Финляндии",
    ),
    "business": ("Liiketoiminta", "Affärsverksamhet", "Business", "Äritegevus", "Verslas", "Бизнес"),
    "international-trade": (
        "Kansainvälinen kauppa",
        "Internationell handel",
        "International trade",
        "Rahvusvaheline kaubandus",
        "Tarptautinė prekyba",
        "Международная торговля",
    ),
    "entrepreneurship": (
        "Yrittäjyys",
        "Företagande",
        "Entrepreneurship",
        "Ettevõtlus",
        "Verslumas",
        "Предпринимательство",
    ),
    "workplace-guidance": (
        "Työpaikkaohjaus",
        "Handledning på arbetsplatsen",
        "Guidance at the workplace",
        "Juhendamine töökohal",
        "Mokymas darbo vietoje",
        "Наставничество на рабочем месте",
    ),
}


def add_topics(apps, schema_editor):
    Topic = apps.get_model("catalogue", "Topic")
    for slug, names in TOPICS.items():
        translations = dict(zip(("fi", "sv", "en", "et", "lt", "ru"), names, strict=True))
        Topic.objects.get_or_create(
            slug=slug,
            defaults={
                "name": translations["fi"],
                **{f"name_{code}": name for code, name in translations.items()},
            },
        )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_materials")]

    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
