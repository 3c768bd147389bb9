"""Checking a badge someone shows: an image, a JSON text or an address."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from ..forms import VerifyForm
from ..openbadges import verify as verifier

IMAGE_MAX_BYTES = 2 * 1024 * 1024


def verify(request):
    form = VerifyForm(request.POST if request.method == "POST" else None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.get("image"):
            if data["image"].size > IMAGE_MAX_BYTES:
                form.add_error("image", _("The image is too large. The limit is 2 MB."))
            else:
                result = verifier.verify_image(data["image"].read())
        elif data.get("text"):
            result = verifier.verify_text(data["text"])
        else:
            result = verifier.verify_url(data["url"])
    return render(request, "passport/verify.html", {"form": form, "result": result}, status=200)
