"""Two-factor authentication required of everyone who can see other people's data.

Trainers read trainees' names, nationalities and reflections; editors and staff reach drafts and
reports. When MFA_REQUIRED_FOR_STAFF is on, such an account without an authenticator app (allauth.mfa's
TOTP) is sent to set one up before any other page. allauth then offers recovery codes.
"""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import roles

# What a person must still reach while setting MFA up: allauth's MFA pages (and the re-authentication
# that activating asks for), logging out, and the language switch. Static files and /healthz are answered
# by middleware above this one.
ALLOWED_URL_NAMES = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
        "core:switch_language",
    }
)


def mfa_required(user) -> bool:
    """Whether `user` holds a role that needs MFA and has not set up an authenticator app yet.

    One query: the role and the missing authenticator are asked together."""
    if not user.is_authenticated:
        return False
    privileged = Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name__in=roles.PRIVILEGED_GROUPS)
    return (
        get_user_model()
        .objects.filter(privileged, pk=user.pk)
        .exclude(pk__in=Authenticator.objects.filter(type=Authenticator.Type.TOTP).values("user_id"))
        .exists()
    )


class MFARequiredMiddleware:
    """Sends privileged accounts without TOTP to its setup page; must sit below AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.MFA_REQUIRED_FOR_STAFF:
            return None
        match = request.resolver_match
        if match is not None and match.view_name in ALLOWED_URL_NAMES:
            return None
        if not mfa_required(request.user):
            return None
        # Said once per redirect: the setup page shows it and consumes it.
        messages.warning(
            request,
            _(
                "Your role gives you access to other people's data, so your account needs two-factor "
                "authentication. Set up an authenticator app to continue."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
