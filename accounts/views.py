from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from core.errors import DomainError

from . import archive, personal_data, services
from .forms import DeleteAccountForm, ProfileForm
from .models import User


@login_required
def profile(request):
    # The form validates on a copy, so a rejected value never shows up in the page header.
    form = ProfileForm(request.POST or None, instance=User.objects.get(pk=request.user.pk))
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(actor=request.user, user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your profile was saved."))
        return HttpResponseRedirect(translate_url(request.path, request.user.language))
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def export_data(request):
    # Read everything before the first byte goes out, so the archive is one moment's data.
    collected = personal_data.collect(request.user)
    stamp = timezone.localdate().isoformat()
    response = StreamingHttpResponse(archive.zip_stream(collected), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        try:
            services.user_erase(actor=user, user=user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            logout(request)
            messages.success(request, _("Your account and your personal data were deleted."))
            return redirect("home")
    return render(request, "accounts/delete_account.html", {"form": form})


@require_POST
def set_language(request):
    """Django's language switch, plus: remember the choice for a logged-in person."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        messages.error(request, _("That language is not available."))
        next_url = request.POST.get("next", "/")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = "/"
        return HttpResponseRedirect(next_url)
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    # Django translates ``next`` by resolving it in the active language, so resolve it
    # in the language of its own prefix, whatever the cookie or the browser says.
    next_path = urlsplit(request.POST.get("next") or "").path
    with translation.override(get_language_from_path(next_path) or translation.get_language()):
        return django_set_language(request)
