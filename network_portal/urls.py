from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from accounts.views import set_language
from exchanges.views import calendar_feed

from . import views

# The admin logs in through the portal's login: same rate limits, same two factors.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("VET network administration")
admin.site.site_title = _("VET network admin")
admin.site.index_title = _("Network data")

urlpatterns = [
    path("health/", views.health, name="health"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("feeds/exchanges/<str:token>.ics", calendar_feed, name="exchanges_calendar_feed"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("partners/", include("partners.urls")),
    path("notifications/", include("notifications.urls")),
    path("exchanges/", include("exchanges.urls")),
)

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
