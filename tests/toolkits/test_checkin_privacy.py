"""Check-ins are the city's, written by people: a person's submissions and comments are in their data, and
erasing them keeps the rows for the two cities, unsigned."""

import pytest

from accounts import services as account_services
from tests.toolkits import factories as f
from tests.toolkits.checkin_helpers import fill, finalise
from toolkits import privacy
from toolkits.checkins import services as checkin_services
from toolkits.models import CheckIn, CheckInActionUpdate, CheckInComment

pytestmark = pytest.mark.django_db


def test_export_and_erasure_of_check_ins(team, django_capture_on_commit_callbacks):
    f.pairing(team["lisbon"], team["gdansk"])
    fill(team["plan"], team["marta"], actions=1, goals=0)
    checkin = finalise(team["plan"], team["marta"])
    checkin_services.checkin_submit(
        checkin=checkin,
        user=team["marta"],
        actions=[
            {"section_key": "k", "row": 0, "action": "Action 0", "status": "done", "note": "Marta's note"}
        ],
        indicators=[],
    )
    checkin.refresh_from_db()
    checkin_services.checkin_comment_add(checkin=checkin, user=team["ana"], body="Ana's remark")

    marta, ana = privacy.export_user_data(team["marta"]), privacy.export_user_data(team["ana"])

    assert marta["checkins_submitted"][0]["months"] == 3
    assert marta["checkins_submitted"][0]["actions"] == [
        {"action": "Action 0", "status": "done", "note": "Marta's note"}
    ]
    assert ana["checkins_submitted"] == []
    assert ana["checkin_comments"][0]["comment"] == "Ana's remark"

    with django_capture_on_commit_callbacks(execute=True):
        account_services.user_erase(user=team["marta"])
        account_services.user_erase(user=team["ana"])

    checkin = CheckIn.objects.get(pk=checkin.pk)
    assert checkin.is_submitted and checkin.submitted_by is None
    assert CheckInActionUpdate.objects.get().note == "Marta's note"  # the city's report stays
    comment = CheckInComment.objects.get()
    assert comment.body == "Ana's remark" and comment.author is None
