from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import PreferencesForm
from .models import Notification, Preference
from .rendering import render as render_notice


@login_required
def inbox(request):
    page = Paginator(selectors.inbox(user=request.user), 20).get_page(request.GET.get("page"))
    items = [(notice, render_notice(notice, bodies=False)) for notice in page.object_list]
    return render(request, "notifications/inbox.html", {"page": page, "items": items})


@login_required
@require_POST
def open_notice(request, pk):
    notice = get_object_or_404(
        Notification, pk=pk, recipient=request.user, channel=Notification.Channel.IN_APP
    )
    services.mark_read(user=request.user, notification_id=notice.pk)
    return redirect(render_notice(notice, bodies=False).path or "notifications:inbox")


@login_required
@require_POST
def mark_all_read(request):
    count = services.mark_read(user=request.user)
    messages.success(
        request,
        ngettext("%(count)d notice marked as read.", "%(count)d notices marked as read.", count)
        % {"count": count},
    )
    return redirect("notifications:inbox")


@login_required
def preferences(request):
    current = dict(Preference.objects.filter(user=request.user).values_list("kind", "delivery"))
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        for kind, delivery in form.cleaned_data.items():
            if delivery and current.get(kind, Preference.Delivery.IMMEDIATE) != delivery:
                services.preference_set(user=request.user, kind=kind, delivery=delivery)
        messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
