from dataclasses import dataclass, field
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.absolute_urls import absolute_url
from core.discovery import project_modules
from outbox.services import email_send

from .models import LegalAcceptance, LegalVersion, User


def user_data_export(*, user: User) -> dict:
    """Everything the platform holds about `user`, by app, for the "download my data" button. A nested app
    (learning.certificates) adds its part to its package's (the certificates stay under "learning")."""
    export: dict = {}
    for module in project_modules("privacy"):
        export.setdefault(module.__name__.split(".")[0], {}).update(module.export_user_data(user))
    return export


@transaction.atomic
def user_erase(*, user: User) -> None:
    """Delete an account for good. Each app first erases or anonymises what it keeps about the person
    (an app may keep anonymised records it must keep, such as a certificate register)."""
    for module in project_modules("privacy"):
        module.erase_user_data(user)
    user.delete()


def user_language_set(*, user: User, language: str) -> User:
    """Make `language` the one `user`'s e-mails and certificates are written in."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"not a language of the site: {language!r}")
    user.language = language
    user.save(update_fields=["language"])
    return user


@transaction.atomic
def legal_accept(*, user: User, versions: list[LegalVersion], language: str) -> list[LegalAcceptance]:
    """Record that `user` accepted `versions` (read in `language`) now; accepting one twice keeps the
    first record. The version's document, label and date are copied into the record."""
    now = timezone.now()
    records = []
    for version in versions:
        record, _created = LegalAcceptance.objects.get_or_create(
            user=user,
            legal_version=version,
            defaults={
                "document": version.document,
                "version": version.version,
                "version_date": version.date,
                "accepted_at": now,
                "language": language,
            },
        )
        records.append(record)
    return records


def legal_accept_for_data(*, users, versions: list[LegalVersion]) -> None:
    """Record `versions` as accepted by `users` (in each one's language), in one insert: for the demo's
    and the benchmarks' made-up people, who cannot tick a box. Never for a real person."""
    now = timezone.now()
    LegalAcceptance.objects.bulk_create(
        [
            LegalAcceptance(
                user=user,
                legal_version=version,
                document=version.document,
                version=version.version,
                version_date=version.date,
                accepted_at=now,
                language=user.language,
            )
            for user in users
            for version in versions
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )


# Retention ---------------------------------------------------------------------------------------


@dataclass
class RetentionReport:
    unverified_removed: list[str] = field(default_factory=list)
    warned: list[str] = field(default_factory=list)
    inactive_removed: list[str] = field(default_factory=list)


def _retained_people():
    # Staff accounts are the organisation's, not a member's: their removal is an administrator's decision.
    return User.objects.filter(is_staff=False, is_superuser=False)


def retention_due(*, now: datetime | None = None) -> tuple[list[User], list[User], list[User]]:
    """(unverified to remove, inactive to warn, warned to remove) at `now`, by the retention settings."""
    now = now or timezone.now()
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    unverified = (
        _retained_people()
        .filter(~Exists(verified), date_joined__lt=now - timedelta(days=settings.RETENTION_UNVERIFIED_DAYS))
        .order_by("pk")
    )
    # Years as 365 days: a day's difference either side of a leap year does not matter here.
    idle_since = now - timedelta(days=365 * settings.RETENTION_INACTIVE_YEARS)
    inactive = (
        _retained_people()
        .filter(Exists(verified))
        .filter(Q(last_login__lt=idle_since) | Q(last_login__isnull=True, date_joined__lt=idle_since))
    )
    # A warning still stands only if nobody signed in after it.
    warned = Q(retention_warned_at__isnull=False) & (
        Q(last_login__isnull=True) | Q(last_login__lt=F("retention_warned_at"))
    )
    to_warn = inactive.exclude(warned).order_by("pk")
    to_remove = inactive.filter(warned).filter(
        retention_warned_at__lt=now - timedelta(days=settings.RETENTION_WARNING_DAYS)
    )
    return list(unverified), list(to_warn), list(to_remove.order_by("pk"))


def _warn(user: User, now: datetime) -> None:
    removal = now + timedelta(days=settings.RETENTION_WARNING_DAYS)
    with translation.override(user.language):
        context = {
            "user": user,
            "removal": removal,
            "login_url": absolute_url(reverse("account_login")),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string("accounts/email/retention_warning_subject.txt", context).strip()
        body = render_to_string("accounts/email/retention_warning.txt", context)
    email_send(
        to=user.email,
        subject=subject,
        body=body,
        kind="accounts/retention_warning",
        language=user.language,
    )


@transaction.atomic
def retention_run(*, dry_run: bool = False, now: datetime | None = None) -> RetentionReport:
    """Apply the retention rules once; running it again the same day changes nothing more.

    Removal goes through `user_erase`, the same path as "delete my account"."""
    now = now or timezone.now()
    unverified, to_warn, to_remove = retention_due(now=now)
    report = RetentionReport(
        unverified_removed=[u.email for u in unverified],
        warned=[u.email for u in to_warn],
        inactive_removed=[u.email for u in to_remove],
    )
    if dry_run:
        return report
    for user in [*unverified, *to_remove]:
        user_erase(user=user)
    for user in to_warn:
        _warn(user, now)
    User.objects.filter(pk__in=[u.pk for u in to_warn]).update(retention_warned_at=now)
    return report
