"""The trainer's workspace's share of a person's data: the messages they were sent or sent, and the
invitations to their addresses."""

from .models import CohortInvitation

# Every model of this app that points at a person, and what happens to it (tests/accounts/test_privacy_
# registry.py fails when a model linked to the user model is missing here).
PERSONAL_DATA = {
    "workspace.CohortMessage": "the person leaves the recipients; a trainer's messages stay, unsigned",
    "workspace.CohortInvitation": "invitations to the person's addresses are deleted; invitations a trainer "
    "sent stay, unsigned",
}


def export_user_data(user) -> dict:
    # Not exported: a message is the trainer's record of what the cohort was told, an invitation is an
    # address someone else typed; the person's own enrolments are in the learning app's part.
    return {}


def erase_user_data(user) -> None:
    addresses = {user.email, *user.emailaddress_set.values_list("email", flat=True)}
    for address in addresses:
        CohortInvitation.objects.filter(email__iexact=address).delete()
