"""The sign-in backends, reading the signed-in person once per request with what every page shows of them.

Django's and allauth's backends load the user of a session with a plain `get(pk=…)`. Ours add the
header's unread notifications count to that same query (a subquery), so a signed-in page pays no query
for it. Signing in is unchanged: authentication is theirs.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from notifications.selectors import unread_count_expression


class _SessionUser:
    def get_user(self, user_id):
        users = get_user_model()._default_manager.annotate(unread_notifications=unread_count_expression())
        try:
            user = users.get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


class ModelBackend(_SessionUser, DjangoModelBackend):
    pass


class AuthenticationBackend(_SessionUser, AllauthBackend):
    pass
