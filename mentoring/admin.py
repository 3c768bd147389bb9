from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin_filters import AutocompleteFilter
from core.admin_mixins import (
    AutocompleteFiltersAdmin,
    HistoryInline,
    LargeTableAdmin,
    move_action,
    person_matches,
    via,
)

from .models import (
    Enrolment,
    Evaluation,
    Feedback,
    Goal,
    MatchingRound,
    Meeting,
    Pair,
    PairEvent,
    Programme,
)
from .services import PAIRS


@admin.register(Programme)
class ProgrammeAdmin(AutocompleteFiltersAdmin, TranslationAdmin):
    list_display = ["name", "kind", "starts_on", "ends_on", "enrol_until", "is_active"]
    list_filter = ["kind", "is_active", ("organisers", AutocompleteFilter)]
    search_fields = ["name", "description"]
    filter_horizontal = ["organisers", "coordinators"]
    raw_id_fields = ["badge"]


@admin.register(Enrolment)
class EnrolmentAdmin(LargeTableAdmin):
    list_display = [
        "user",
        "programme",
        "as_mentor",
        "as_mentee",
        "capacity",
        "region",
        "created_at",
    ]
    list_filter = [
        "programme",
        "as_mentor",
        "as_mentee",
        "remote_ok",
        ("organisation", AutocompleteFilter),
    ]
    search_fields = ["user", "region__iexact"]
    search_matches = {"user": person_matches}
    sortable_by = ()
    list_select_related = ["user", "programme"]
    raw_id_fields = ["user", "organisation"]
    filter_horizontal = ["sectors"]


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


class EventInline(HistoryInline):
    model = PairEvent


@admin.register(Pair)
class PairAdmin(LargeTableAdmin):
    list_display = ["__str__", "programme", "status", "origin", "score", "started_at", "ended_at"]
    list_filter = ["status", "origin", "programme"]
    search_fields = ["mentor", "mentee"]
    search_matches = {"mentor": via("user", person_matches), "mentee": via("user", person_matches)}
    related_keys_at_most = 0
    # The newest first, by the index "pair_newest"; the start (twenty thousand pairs) sorts
    # too.
    sortable_by = ["started_at"]
    list_select_related = ["programme", "mentor__user", "mentee__user"]
    raw_id_fields = ["mentor", "mentee"]
    readonly_fields = [
        "status",
        "score",
        "explanation",
        "mentor_accepted_at",
        "mentee_accepted_at",
        "started_at",
        "ended_at",
        "created_at",
    ]
    inlines = [GoalInline, EventInline]
    actions = [
        move_action(PAIRS, "start", _("Start the selected mentoring pairs")),
        move_action(PAIRS, "complete", _("Complete the selected mentoring pairs")),
        move_action(PAIRS, "end", _("End the selected mentoring pairs")),
    ]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    # The notes belong to the pair: the admin shows when, not what.
    list_display = ["pair", "date", "minutes", "logged_by"]
    list_filter = ["date"]
    search_fields = ["pair__mentor__user__full_name", "pair__mentee__user__full_name"]
    list_select_related = ["pair__mentor__user", "pair__mentee__user", "logged_by"]
    exclude = ["notes"]
    raw_id_fields = ["pair", "logged_by"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["pair", "author", "rating", "created_at"]
    list_filter = ["rating"]
    search_fields = ["author__full_name", "text"]
    list_select_related = ["pair__mentor__user", "pair__mentee__user", "author"]
    raw_id_fields = ["pair", "author"]


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["programme", "user", "rating", "created_at"]
    list_filter = ["programme", "rating"]
    search_fields = ["user__full_name", "text"]
    list_select_related = ["programme", "user"]
    raw_id_fields = ["user"]


@admin.register(MatchingRound)
class MatchingRoundAdmin(admin.ModelAdmin):
    list_display = ["programme", "status", "total_score", "created_by", "created_at"]
    list_filter = ["status", "programme"]
    search_fields = ["programme__name"]
    # A round is published from the programme's matching page, which creates the pairs.
    readonly_fields = ["status", "proposals", "total_score", "published_at"]
