import time

from allauth.usersessions.models import UserSession

# How often an active session's expiry and "last seen" time are pushed forward. Doing it
# on every request would cost writes per page view; once a minute is precise enough.
_TOUCH_EVERY_SECONDS = 60


class SessionActivityMiddleware:
    """End sessions after ``SESSION_COOKIE_AGE`` seconds without a request, and keep the
    "last seen" time on the person's list of sessions (allauth's user sessions) current.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.is_empty():
            return response
        now = int(time.time())
        if now - session.get("_touched", 0) >= _TOUCH_EVERY_SECONDS:
            session["_touched"] = now
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                UserSession.objects.create_from_request(request)
        return response
