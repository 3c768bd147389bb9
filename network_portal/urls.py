from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from accounts.views import set_language
from events import views as events_views
from exchanges.views.searches import calendar_feed
from outreach import urls as outreach_urls
from partners import urls as partners_urls
from pilots import urls as pilots_urls
from quality import urls as quality_urls
from worklife_passport import documents_views as ob

from . import search, views

# The admin logs in through the portal's login: same rate limits, same two factors.
# (Replacing the site's bound view is the point, which mypy does not allow for methods.)
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = _("VET network administration")
admin.site.site_title = _("VET network admin")
admin.site.index_title = _("Network data")

# A database that cannot be reached answers 503 with Retry-After instead of 500.
handler500 = "network_portal.outage.server_error"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("feeds/exchanges/<str:token>.ics", calendar_feed, name="exchanges_calendar_feed"),
    path("feeds/events/<str:token>.ics", events_views.feed, name="events_feed"),
    # Open Badges documents others fetch; these addresses never change once issued.
    path("ob/v2/issuers/<slug:slug>", ob.issuer, name="ob_issuer"),
    path("ob/v2/badges/<int:pk>", ob.badge_class, name="ob_badge_class"),
    path("ob/v2/badges/<int:pk>/image", ob.badge_image, name="ob_badge_image"),
    path("ob/v2/assertions/<uuid:public_id>", ob.assertion, name="ob_assertion"),
    path("ob/v2/endorsements/<uuid:public_id>", ob.endorsement, name="ob_endorsement"),
    path("ob/v3/status/<slug:slug>", ob.status_list, name="ob_status_list"),
    path("issuers/<slug:slug>/did.json", ob.did_document, name="ob_did_document"),
]

# The organisations' pages and those of outreach, quality and pilots share the prefix and
# the namespace "partners" (kept links and notices name them so); the organisations'
# slugs come last.
PARTNER_PAGES = [
    *outreach_urls.urlpatterns,
    *quality_urls.urlpatterns,
    *pilots_urls.urlpatterns,
    *partners_urls.urlpatterns,
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("search/", search.search, name="search"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("partners/", include((PARTNER_PAGES, "partners"))),
    path("notifications/", include("notifications.urls")),
    path("exchanges/", include("exchanges.urls")),
    path("passport/", include("worklife_passport.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("events/", include("events.urls")),
    path("catalogue/", include("catalogue.urls")),
    path("reports/", include("reports.urls")),
)

if settings.SERVE_MEDIA:
    # Only the public uploads: logos and badge images, from their own storage. Evidence,
    # attachments and exports are served by views that check who is asking.
    urlpatterns += [
        re_path(rf"^{settings.PUBLIC_MEDIA_URL.lstrip('/')}(?P<name>.+)$", views.public_media)
    ]
