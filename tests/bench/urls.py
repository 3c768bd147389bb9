from django.shortcuts import get_object_or_404, render
from django.urls import path

from network_portal.urls import urlpatterns as portal
from partners.models import Sector


def floor(request, slug):
    """The least a page can do: one query by a unique index and a small template, behind
    the same middleware as every other page."""
    sector = get_object_or_404(Sector.objects.only("name"), slug=slug)
    return render(request, "bench/floor.html", {"sector": sector})


urlpatterns = [path("bench/floor/<slug:slug>/", floor, name="bench_floor"), *portal]
