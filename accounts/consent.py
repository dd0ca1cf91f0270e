"""The privacy notice and the terms: which versions are current, who still has to accept them, and the
middleware that asks before any other page.

Editors publish a new version as a snippet (accounts.models.LegalVersion). Someone signed in whose
acceptance is older than the current version of either document, or who never accepted one while one
exists, is sent to the acceptance page first, as MFA setup is (accounts.mfa). A person must still be able
to read the documents, to leave (sign out, download their data, delete their account) and to change
language without accepting.
"""

import unicodedata

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language
from wagtail.models import Page

from core.site_cache import cached_per_site
from core.sites import pairs_read

from .mfa import ALLOWED_URL_NAMES as MFA_URL_NAMES
from .models import LegalAcceptance, LegalVersion

# What a person who has not accepted may still reach (MFA setup included: accounts.mfa runs first and
# sends there). Static files and /healthz are answered by middleware above this one.
ALLOWED_URL_NAMES = MFA_URL_NAMES | {
    "accounts:consent",
    "accounts:privacy",
    "accounts:data_export",
    "accounts:data_export_download",
    "accounts:delete",
    # Asking for one's data or deleting the account asks for the password again first.
    "account_reauthenticate",
    "mfa_reauthenticate",
    "account_confirm_email",
}
# The session remembers the current versions a person accepted, so a page costs no query once they have.
SESSION_ACCEPTED = "legal_accepted"
# Which versions are current, read with the sites when a page is built with an empty cache.
CURRENT_VERSIONS_ALONG = "legal-current-versions"


def current_versions_query():
    newer = LegalVersion.objects.filter(
        document=OuterRef("document"), locale_id=OuterRef("locale_id"), live=True
    ).filter(Q(date__gt=OuterRef("date")) | Q(date=OuterRef("date"), pk__gt=OuterRef("pk")))
    return LegalVersion.objects.filter(live=True, locale__language_code=settings.LANGUAGE_CODE).exclude(
        Exists(newer)
    )


def current_versions() -> list[LegalVersion]:
    """The newest published version of each document, in the default language (where versions are
    made; their translations follow them)."""
    return list(current_versions_query().select_related("page").order_by("document"))


def current_version_ids(request) -> tuple[int, ...]:
    """The current versions' ids, through the shared cache: asked on every page of a signed-in person.
    A page built with an empty cache has them from its read of the sites (accounts.apps)."""

    def compute() -> tuple[int, ...]:
        pairs = pairs_read(request, CURRENT_VERSIONS_ALONG)
        if pairs is None:
            return tuple(version.pk for version in current_versions())
        return tuple(int(pk) for _document, pk in sorted(pairs))

    return cached_per_site(request, "legal-current-versions", compute)


def pending_versions(user) -> list[LegalVersion]:
    """The current versions `user` has not accepted (all of them for someone not signed in)."""
    current = current_versions()
    if not user.is_authenticated:
        return current
    accepted = set(
        LegalAcceptance.objects.filter(user_id=user.pk, legal_version__in=current).values_list(
            "legal_version_id", flat=True
        )
    )
    return [version for version in current if version.pk not in accepted]


def accepted_before(user) -> bool:
    """Whether `user` accepted any version before: the page then says what changed, not just "please
    accept"."""
    return LegalAcceptance.objects.filter(user_id=user.pk).exists()


def remember_accepted(request) -> None:
    request.session[SESSION_ACCEPTED] = [version.pk for version in current_versions()]


def in_reader_language(version: LegalVersion) -> LegalVersion:
    """The translation of `version` in the active language when one is published, else the version."""
    translation = (
        LegalVersion.objects.filter(translation_key=version.translation_key, live=True)
        .filter(locale__language_code=get_language())
        .first()
    )
    return translation or version


def page_url(version: LegalVersion, request=None) -> str:
    """The document's page in the reader's language: every language has it, translated or as an alias."""
    return version.page.localized.get_url(request)


def legal_page_paths(request) -> set[str]:
    """The paths of the current documents' pages in every language."""
    keys = [version.page.translation_key for version in current_versions()]
    return {page.get_url(request) for page in Page.objects.filter(translation_key__in=keys).live()}


def safe_next(request, target: str | None) -> str:
    """`target` when it is an address of this site, else the home page in the reader's language.

    Django checks only an address's first character for control characters: a line break further on
    would reach the Location header and fail the response."""
    plain = target and not any(unicodedata.category(character)[0] == "C" for character in target)
    if plain and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return f"/{get_language()}/"


class ConsentRequiredMiddleware:
    """Sends a signed-in person to the acceptance page until they accept the current versions.

    Sits below accounts.mfa's middleware: MFA setup comes first, and its pages stay reachable here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Who is signed in is in the session already: the user row is not loaded for this.
        user_id = request.session.get(SESSION_KEY)
        if user_id is None:
            return None
        if request.method not in ("GET", "HEAD"):
            # What a person sends is never lost: a form posted (an autosave of a plan, a reflection) from a
            # page opened before a new version was published is processed; the question comes on the next
            # page they open. Nobody reaches a form without opening a page first, so nobody skips it.
            return None
        current = current_version_ids(request)
        if not current or set(current) <= set(request.session.get(SESSION_ACCEPTED, ())):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in ALLOWED_URL_NAMES:
            return None
        if request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return None
        accepted = set(
            LegalAcceptance.objects.filter(user_id=user_id, legal_version_id__in=current).values_list(
                "legal_version_id", flat=True
            )
        )
        if set(current) <= accepted:
            request.session[SESSION_ACCEPTED] = list(current)  # no query on the next pages
            return None
        if request.path in legal_page_paths(request):
            return None
        if request.headers.get("HX-Request"):
            # A fragment htmx fetches (a lesson's status, a plan's section) would be replaced by the whole
            # acceptance page: the browser is told to open it instead, and to come back to the page.
            back = safe_next(request, request.headers.get("HX-Current-URL"))
            return HttpResponse(headers={"HX-Redirect": self.consent_url(back)})
        return HttpResponseRedirect(self.consent_url(request.get_full_path()))

    @staticmethod
    def consent_url(back: str) -> str:
        return f"{reverse('accounts:consent')}?{urlencode({'next': back})}"
