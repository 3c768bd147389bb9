from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core import fragments
from core.errors import DomainError
from core.pages import edit_page
from core.views import act_and_redirect, act_on_form
from core.workflow import perform
from partners import rules as partner_rules

from . import rules, selectors
from .forms import (
    CommentForm,
    CoordinationFilterForm,
    EnrolmentForm,
    FeedbackForm,
    GoalForm,
    MeetingForm,
    ProfileSearchForm,
)
from .models import Enrolment, Goal, MatchingRound, Pair, Programme
from .services import badges, pairs, programmes, relationship, rounds


def programme_list(request):
    return render(
        request, "mentoring/programme_list.html", {"programmes": selectors.programme_list()}
    )


def programme_detail(request, pk):
    programme = get_object_or_404(
        Programme.objects.prefetch_related("organisers"), pk=pk, is_active=True
    )
    context = {"programme": programme, "coordinates": rules.coordinates(request.user, programme)}
    if request.user.is_authenticated:
        context.update(selectors.programme_page(viewer=request.user, programme=programme))
        form = ProfileSearchForm(request.GET)
        text = form.cleaned_data["q"].strip() if form.is_valid() else ""
        context.update(
            selectors.suggestions_page(enrolment=context["enrolment"], text=text),
            search_form=form,
            q=text,
        )
    return render(request, "mentoring/programme_detail.html", context)


@login_required
def enrol(request, pk):
    programme = get_object_or_404(Programme, pk=pk, is_active=True)
    existing = Enrolment.objects.filter(programme=programme, user=request.user).first()
    form = EnrolmentForm(
        request.POST or None,
        instance=existing,
        organisations=list(partner_rules.roles_of(request.user)),
        initial={"capacity": programme.default_capacity},
    )

    def save(data):
        data = dict(data)
        sectors = data.pop("sectors")
        if data.get("capacity") is None:
            data["capacity"] = programme.default_capacity
        if existing is None:
            return programmes.enrol(
                actor=request.user, programme=programme, data=data, sectors=sectors
            )
        return programmes.enrolment_update(
            actor=request.user, enrolment=existing, data=data, sectors=sectors
        )

    return edit_page(
        request,
        form,
        save,
        template="mentoring/enrol.html",
        context={"programme": programme, "existing": existing},
        done=_("Your enrolment was saved."),
        success_url=programme.get_absolute_url(),
    )


@login_required
@require_POST
def request_mentor(request, pk):
    mentor = get_object_or_404(Enrolment.objects.select_related("programme"), pk=pk)
    try:
        pair = pairs.pair_request(actor=request.user, mentor=mentor)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(mentor.programme.get_absolute_url())
    messages.success(request, _("Your request was sent to the mentor."))
    return redirect(pair.get_absolute_url())


@login_required
@require_POST
def invite_mentee(request, pk):
    mentee = get_object_or_404(Enrolment.objects.select_related("programme"), pk=pk)
    try:
        pair = pairs.pair_invite(actor=request.user, mentee=mentee)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(mentee.programme.get_absolute_url())
    messages.success(request, _("Your invitation was sent."))
    return redirect(pair.get_absolute_url())


@login_required
def pair_detail(request, pk):
    # A pair the viewer may not see is a 404, whether or not its page is kept.
    selectors.pair_for_viewer(viewer=request.user, pk=pk, related=("mentor", "mentee"))

    def details():
        pair = selectors.pair_for_viewer(viewer=request.user, pk=pk)
        side = rules.side(request.user, pair)
        parties = pairs.PAIRS.parties(request.user, pair)
        moves = pairs.PAIRS.available(pair, parties)
        page = selectors.pair_page(viewer=request.user, pair=pair)
        programme = pair.programme
        midpoint = programme.starts_on + (programme.ends_on - programme.starts_on) / 2
        return {
            "pair": pair,
            "side": side,
            "midpoint_reached": any(m.date >= midpoint for m in page["meetings"]),
            "coordinates": "coordinator" in parties,
            "can_award_badge": rules.can_award_pair_badge(request.user, pair),
            "can_read_notes": rules.can_read_notes(request.user, pair),
            "moves": moves,
            # A proposal the viewer has nothing more to do for waits for the other side.
            "waiting": pair.status == Pair.Status.PROPOSED
            and not any(move.action == "accept" for move in moves),
            "meeting_form": MeetingForm(),
            "goal_form": GoalForm(),
            "feedback_form": FeedbackForm(),
            **page,
        }

    context = {
        # Lazy: the page is kept rendered, for each of its readers, until what it read
        # is written.
        "details": SimpleLazyObject(details),
        **fragments.context(request, more=(pk,), personal=True),
    }
    return render(request, "mentoring/pair_detail.html", context)


@login_required
@require_POST
def pair_action(request, pk, action):
    pair = selectors.pair_for_viewer(viewer=request.user, pk=pk)
    form = CommentForm(request.POST)
    form.is_valid()

    def move():
        moved = perform(
            pairs.PAIRS,
            actor=request.user,
            obj=pair,
            action=action,
            comment=form.cleaned_data.get("comment", ""),
        )
        messages.success(request, _moved_message(request.user, moved, action))

    return act_and_redirect(request, move, success_url=pair.get_absolute_url())


def _moved_message(user, pair, action) -> str:
    """What the move did, as the one who made it sees it."""
    if action == "accept":
        if pairs.acceptance_outcome(pair) == pairs.BOTH:
            return _("You have both accepted: the pair is now “%(status)s”.") % {
                "status": pair.get_status_display()
            }
        other = pair.mentee if rules.side(user, pair) == "mentor" else pair.mentor
        return _("You accepted the pair. It now waits for %(other)s to accept.") % {
            "other": other.user.full_name
        }
    return _("The pair is now “%(status)s”.") % {"status": pair.get_status_display()}


def _pair_form_view(form_class, service, done):
    """A form on the pair's page whose data goes to ``service(actor, pair, **data)``; with
    a goal in the address, the service is given that goal of the pair too."""

    @login_required
    @require_POST
    def view(request, pk, goal_pk=None):
        pair = selectors.pair_for_viewer(viewer=request.user, pk=pk)
        goal = {} if goal_pk is None else {"goal": get_object_or_404(Goal, pk=goal_pk, pair=pair)}
        return act_on_form(
            request,
            form_class(request.POST),
            lambda data: service(actor=request.user, pair=pair, **goal, **data),
            done=done,
            success_url=pair.get_absolute_url(),
        )

    return view


meeting_log = _pair_form_view(
    MeetingForm, relationship.meeting_log, gettext_lazy("The meeting was logged.")
)
goal_add = goal_update = _pair_form_view(
    GoalForm, relationship.goal_save, gettext_lazy("The goal was saved.")
)
feedback_give = _pair_form_view(
    FeedbackForm, relationship.feedback_give, gettext_lazy("Thank you for your feedback.")
)
# The coordinator's comment is not kept with the award.
award_badge = _pair_form_view(
    CommentForm,
    lambda *, actor, pair, comment: badges.pair_award_badge(actor=actor, pair=pair),
    gettext_lazy("The badge was awarded."),
)
endorse_badge = _pair_form_view(
    CommentForm, badges.pair_endorse_badge, gettext_lazy("Thank you for endorsing the badge.")
)


@login_required
@require_POST
def evaluation_give(request, pk):
    programme = get_object_or_404(selectors.programmes_enrolled(request.user), pk=pk)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return redirect(programme.get_absolute_url())
    return act_and_redirect(
        request,
        lambda: programmes.evaluation_give(
            actor=request.user, programme=programme, **form.cleaned_data
        ),
        done=_("Thank you for your feedback."),
        success_url=programme.get_absolute_url(),
    )


#: What the coordination page's address may carry: its filters and the page of each list.
_COORDINATION_QUERY = ("q", "status", "round_page", "pairs_page")


@login_required
def coordination(request, pk):
    programme = _coordinated(request, pk)
    form = CoordinationFilterForm(request.GET)
    filters = form.filters()
    text = (filters.get("q") or "").strip()
    status = filters.get("status") or ""
    page = selectors.coordination_page(
        programme=programme,
        text=text,
        status=status,
        round_number=request.GET.get("round_page"),
        pairs_number=request.GET.get("pairs_page"),
    )
    return render(
        request,
        "mentoring/coordination.html",
        {
            "programme": programme,
            **page,
            "form": form,
            "q": text,
            "filtered": bool(text or status),
            # Each list's page links keep the filters and the other list's page.
            "query": _coordination_query(request.GET),
            "round_query": _coordination_query(request.GET, without="round_page"),
            "pairs_query": _coordination_query(request.GET, without="pairs_page"),
        },
    )


def _coordination_query(data, without: str = "") -> str:
    """The coordination page's filters and pages in ``data``, as a query string."""
    query = QueryDict(mutable=True)
    for name in _COORDINATION_QUERY:
        if name != without and data.get(name):
            query[name] = data[name]
    return query.urlencode()


def _coordination_url(pk: int, data) -> str:
    """The coordination page with the filters and pages a button was posted from."""
    query = _coordination_query(QueryDict(data.get("query", "")))
    url = reverse("mentoring:coordination", kwargs={"pk": pk})
    return f"{url}?{query}" if query else url


def _coordinated(request, pk) -> Programme:
    """The programme, if the viewer coordinates it; a 404 otherwise."""
    programme = get_object_or_404(Programme, pk=pk)
    if not rules.coordinates(request.user, programme):
        raise Http404
    return programme


@login_required
@require_POST
def round_create(request, pk):
    programme = _coordinated(request, pk)
    return act_and_redirect(
        request,
        lambda: rounds.round_preview(actor=request.user, programme=programme),
        success_url=reverse("mentoring:coordination", kwargs={"pk": programme.pk}),
    )


@login_required
@require_POST
def round_remove(request, pk, round_pk):
    programme = _coordinated(request, pk)
    round_ = get_object_or_404(MatchingRound, pk=round_pk, programme=programme)
    try:
        mentee_id = int(request.POST.get("mentee", 0))
    except ValueError as error:
        messages.error(request, str(error))
        return redirect(_coordination_url(pk, request.POST))
    return act_and_redirect(
        request,
        lambda: rounds.round_remove(actor=request.user, round_=round_, mentee_id=mentee_id),
        success_url=_coordination_url(pk, request.POST),
    )


@login_required
@require_POST
def round_publish(request, pk, round_pk):
    programme = _coordinated(request, pk)
    round_ = get_object_or_404(MatchingRound, pk=round_pk, programme=programme)

    return act_and_redirect(
        request,
        lambda: rounds.round_publish(actor=request.user, round_=round_),
        done=lambda count: (
            _("%(count)s pairs were proposed to the participants.") % {"count": count}
        ),
        success_url=reverse("mentoring:coordination", kwargs={"pk": pk}),
    )
