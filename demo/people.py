"""Demo people beyond the demo logins: members of the network's organisations."""

from accounts.models import User
from partners.models import Membership, Organisation

R = Membership.Role
HOME = "jarvenrannan-ammattiopisto"
NEMUNO = "nemuno-profesinio-mokymo-centras"

MEMBERS = {
    # email: full name, language, organisation slug, role
    "liisa.mentori@demo.test": ("Liisa Laaksonen", "fi", "kotkan-konepaja-oy", R.MENTOR),
    "peeter.mentor@demo.test": ("Peeter Kask", "et", "koodikoda-ou", R.MENTOR),
    "ruta.mentore@demo.test": ("Rūta Jankauskienė", "lt", "kauno-statyba-uab", R.MENTOR),
    "olli.opiskelija@demo.test": ("Olli Opiskelija", "fi", HOME, R.STUDENT),
    "mari.opilane@demo.test": ("Mari Tamm", "et", "peipsiveere-kutsekool", R.STUDENT),
    "jonas.mokinys@demo.test": ("Jonas Petrauskas", "lt", NEMUNO, R.STUDENT),
    "aino.opiskelija@demo.test": ("Aino Aaltonen", "fi", HOME, R.STUDENT),
    "eetu.demo@demo.test": ("Eetu Esimerkki", "fi", HOME, R.STUDENT),
    "aada.demo@demo.test": ("Aada Aaltonen", "fi", HOME, R.STUDENT),
    "niko.demo@demo.test": ("Niko Nieminen", "fi", HOME, R.STUDENT),
    "heikki.kymi@demo.test": ("Heikki Kymi", "fi", "kymijoen-ammattiopisto", R.COORDINATOR),
    "leena.linna@demo.test": ("Leena Linna", "fi", "linnan-koulutuskuntayhtyma", R.COORDINATOR),
    "kadri.tamm@demo.test": ("Kadri Tamm", "et", "tallinna-sadama-kutsekool", R.COORDINATOR),
    "rasa.petrauskiene@demo.test": ("Rasa Petrauskienė", "lt", NEMUNO, R.TEACHER),
}


def demo_member(email: str) -> tuple[User, Organisation]:
    """The demo person ``email`` and their organisation.

    A person of ``MEMBERS`` is made on first use, without a password (not a login); a demo
    login already has its one membership (``demo.partners``).
    """
    if email not in MEMBERS:
        membership = Membership.objects.select_related("user", "organisation").get(
            user__email=email
        )
        return membership.user, membership.organisation
    name, language, slug, role = MEMBERS[email]
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": name, "language": language}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    organisation = Organisation.objects.get(slug=slug)
    Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    return user, organisation
