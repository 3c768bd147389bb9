from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        context.setdefault("site_url", settings.SITE_URL)
        super().send_mail(template_prefix, email, context)
