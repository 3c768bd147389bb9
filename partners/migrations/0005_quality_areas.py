from django.db import migrations

LANGUAGES = ("fi", "sv", "en", "et", "lt", "ru")

AREAS = [
    (
        "workplace-learning",
        (
            "Työpaikalla järjestettävä koulutus",
            "Lärande i arbetet",
            "Workplace learning",
            "Praktika töökohal",
            "Mokymasis darbo vietoje",
            "Обучение на рабочем месте",
        ),
        [
            (
                "Työpaikat valmistellaan ja työpaikkaohjaajat perehdytetään ennen jaksoa.",
                "Arbetsplatserna förbereds och handledarna introduceras före perioden.",
                "Workplaces are prepared and their instructors trained before a period starts.",
                "Töökohad valmistatakse ette ja juhendajad koolitatakse enne perioodi.",
                "Darbo vietos paruošiamos, o instruktoriai apmokomi prieš laikotarpį.",
                "Рабочие места готовятся, а наставники обучаются до начала периода.",
            ),
            (
                "Jokaisen opiskelijan tavoitteet sovitaan työpaikan kanssa.",
                "Varje studerandes mål avtalas med arbetsplatsen.",
                "Each student's learning goals for the period are agreed with the workplace.",
                "Iga õppija eesmärgid lepitakse töökohaga kokku.",
                "Kiekvieno mokinio tikslai suderinami su darbo vieta.",
                "Цели каждого студента согласуются с рабочим местом.",
            ),
            (
                "Työpaikkojen palaute kerätään ja sitä käytetään.",
                "Arbetsplatsernas respons samlas in och används.",
                "Feedback from workplaces is collected and used.",
                "Töökohtade tagasisidet kogutakse ja kasutatakse.",
                "Darbo vietų grįžtamasis ryšys renkamas ir naudojamas.",
                "Отзывы рабочих мест собираются и используются.",
            ),
        ],
    ),
    (
        "guidance",
        (
            "Ohjaus ja tuki",
            "Vägledning och stöd",
            "Guidance and support",
            "Juhendamine ja tugi",
            "Orientavimas ir parama",
            "Консультирование и поддержка",
        ),
        [
            (
                "Jokaisella opiskelijalla on ajantasainen HOKS.",
                "Varje studerande har en aktuell personlig utvecklingsplan (PUK).",
                "Every student has an up-to-date personal competence development plan.",
                "Igal õppijal on ajakohane individuaalne arenguplaan.",
                "Kiekvienas mokinys turi atnaujintą individualų ugdymo planą.",
                "У каждого студента есть актуальный индивидуальный план развития.",
            ),
            (
                "Erityistä tukea tarvitsevat tunnistetaan ajoissa ja heitä tuetaan.",
                "Studerande som behöver särskilt stöd identifieras tidigt och får hjälp.",
                "Students who need special support are identified early and helped.",
                "Erituge vajavad õppijad tuvastatakse varakult ja neid aidatakse.",
                "Specialiosios paramos reikalingi mokiniai nustatomi anksti ir jiems padedama.",
                "Студенты, которым нужна особая поддержка, выявляются рано и получают помощь.",
            ),
            (
                "Opiskelijat tietävät, mistä saa ohjausta jatko-opintoihin ja työhön.",
                "De studerande vet var de får vägledning om fortsatta studier och arbete.",
                "Students know where to get guidance on further studies and work.",
                "Õppijad teavad, kust saada nõu edasiõppimise ja töö kohta.",
                "Mokiniai žino, kur gauti patarimų dėl tolesnių studijų ir darbo.",
                "Студенты знают, где получить консультацию о дальнейшей учёбе и работе.",
            ),
        ],
    ),
    (
        "internationalisation",
        (
            "Kansainvälisyys",
            "Internationalisering",
            "Internationalisation",
            "Rahvusvahelistumine",
            "Tarptautiškumas",
            "Интернационализация",
        ),
        [
            (
                "Liikkuvuusjaksot suunnitellaan kumppanin kanssa ja hyväksiluetaan kotona.",
                "Mobilitetsperioder planeras med partnern och tillgodoräknas hemma.",
                "Mobility periods are planned with partners and recognised at home.",
                "Õpirändeperioodid kavandatakse partneriga ja arvestatakse kodukoolis.",
                "Judumo laikotarpiai planuojami su partneriais ir pripažįstami namuose.",
                "Периоды мобильности планируются с партнёрами и засчитываются дома.",
            ),
            (
                "Saapuvat opiskelijat ja henkilöstö otetaan hyvin vastaan ja heitä tuetaan.",
                "Inkommande studerande och personal tas väl emot och får stöd.",
                "Incoming students and staff are welcomed and supported.",
                "Saabuvaid õppijaid ja töötajaid võetakse hästi vastu ja toetatakse.",
                "Atvykstantys mokiniai ir darbuotojai sutinkami ir palaikomi.",
                "Прибывающих студентов и сотрудников радушно принимают и поддерживают.",
            ),
            (
                "Kansainvälinen osaaminen on osa opetussuunnitelmaa.",
                "Internationell kompetens är en del av läroplanen.",
                "International experience is part of the curriculum.",
                "Rahvusvaheline kogemus on õppekava osa.",
                "Tarptautinė patirtis yra ugdymo programos dalis.",
                "Международный опыт входит в учебную программу.",
            ),
        ],
    ),
    (
        "quality-management",
        (
            "Laadunhallinta",
            "Kvalitetsledning",
            "Quality management",
            "Kvaliteedijuhtimine",
            "Kokybės valdymas",
            "Управление качеством",
        ),
        [
            (
                "Tuloksia ja palautetta analysoidaan, ja ne johtavat parannuksiin.",
                "Resultat och respons analyseras och leder till förbättringar.",
                "Results and feedback are analysed and lead to improvements.",
                "Tulemusi ja tagasisidet analüüsitakse ning need viivad parendusteni.",
                "Rezultatai ir grįžtamasis ryšys analizuojami ir lemia patobulinimus.",
                "Результаты и отзывы анализируются и ведут к улучшениям.",
            ),
            (
                "Henkilöstö ja opiskelijat osallistuvat toiminnan arviointiin.",
                "Personal och studerande deltar i utvärderingen av verksamheten.",
                "Staff and students take part in evaluating the school's work.",
                "Töötajad ja õppijad osalevad kooli töö hindamises.",
                "Darbuotojai ir mokiniai dalyvauja vertinant mokyklos veiklą.",
                "Сотрудники и студенты участвуют в оценке работы училища.",
            ),
            (
                "Työelämäyhteistyö suunnitellaan ja sitä seurataan.",
                "Samarbetet med arbetslivet planeras och följs upp.",
                "Cooperation with working life is planned and followed up.",
                "Koostööd tööeluga kavandatakse ja jälgitakse.",
                "Bendradarbiavimas su darbo rinka planuojamas ir stebimas.",
                "Сотрудничество с работодателями планируется и отслеживается.",
            ),
        ],
    ),
]


def _translations(field, texts):
    values = dict(zip(LANGUAGES, texts, strict=True))
    return {field: values["fi"], **{f"{field}_{code}": text for code, text in values.items()}}


def add_areas(apps, schema_editor):
    QualityArea = apps.get_model("partners", "QualityArea")
    QualityCriterion = apps.get_model("partners", "QualityCriterion")
    for position, (slug, names, criteria) in enumerate(AREAS):
        area, created = QualityArea.objects.get_or_create(
            slug=slug, defaults={"position": position, **_translations("name", names)}
        )
        if not created:
            continue
        for index, texts in enumerate(criteria):
            QualityCriterion.objects.create(
                area=area, position=index, **_translations("text", texts)
            )


class Migration(migrations.Migration):
    dependencies = [("partners", "0004_peer_review")]

    operations = [migrations.RunPython(add_areas, migrations.RunPython.noop)]
