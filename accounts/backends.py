"""The sign-in backends, reading the signed-in person once per request with what every page shows of them.

Django's and allauth's backends load the user of a session with a plain `get(pk=…)`. Ours add the
header's unread notifications count to that same query (a subquery), so a signed-in page pays no query
for it, and compile it once per process (core.compiled_query): every signed-in request runs it, and
building it through the ORM cost ten times what PostgreSQL takes to answer it. Signing in is unchanged:
authentication is theirs.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from core.compiled_query import CompiledQuery, Param
from notifications.selectors import unread_count_expression

User = get_user_model()

_session_user = CompiledQuery(
    User,
    # Unordered, as get() is.
    lambda: (
        User._default_manager.annotate(unread_notifications=unread_count_expression())
        .filter(pk=Param("pk", User._meta.pk))
        .order_by()[:1]
    ),
)


class _SessionUser:
    def get_user(self, user_id):
        found = _session_user(pk=user_id)
        return found[0] if found and self.user_can_authenticate(found[0]) else None


class ModelBackend(_SessionUser, DjangoModelBackend):
    pass


class AuthenticationBackend(_SessionUser, AllauthBackend):
    pass
