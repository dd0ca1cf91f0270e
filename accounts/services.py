from django.db import transaction

from core.discovery import project_modules

from .models import User


def user_data_export(*, user: User) -> dict:
    """Everything the platform holds about `user`, by app, for the "download my data" button."""
    return {
        module.__name__.split(".")[0]: module.export_user_data(user) for module in project_modules("privacy")
    }


@transaction.atomic
def user_erase(*, user: User) -> None:
    """Delete an account for good. Each app first erases or anonymises what it keeps about the person
    (an app may keep anonymised records it must keep, such as a certificate register)."""
    for module in project_modules("privacy"):
        module.erase_user_data(user)
    user.delete()
