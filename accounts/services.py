from django.conf import settings
from django.db import transaction

from core.discovery import project_modules

from .models import User


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
