"""The demo's people find notifications of what the demo did through the services: the discussion's
replies and the trainer's answers, and the certificates issued."""

import pytest

from accounts.models import User
from notifications.models import Kind, Notification

pytestmark = pytest.mark.django_db


def test_the_demo_trainee_has_notifications_of_the_discussion_and_the_certificate(demo):
    trainee = User.objects.get(email="trainee@example.org")
    kinds = set(Notification.objects.filter(recipient=trainee).values_list("kind", flat=True))
    assert {Kind.REPLY, Kind.ANSWER, Kind.CERTIFICATE_ISSUED} <= kinds
    # Nobody is told of their own posts, and every notification links somewhere.
    assert not Notification.objects.filter(actor=trainee, recipient=trainee).exists()
    assert not Notification.objects.filter(target_path="", target_page__isnull=True).exists()
