"""What a trainer or editor typed reaches a calendar file as text, never as lines of its own."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from learning.calendar import sessions_ics


def session(**fields):
    starts = datetime(2026, 5, 4, 16, 0, tzinfo=UTC)
    values = {"title": "Live session", "location": "", "online_url": "", **fields}
    return SimpleNamespace(uid="abc", starts_at=starts, ends_at=starts + timedelta(hours=1), **values)


@pytest.mark.parametrize(
    "typed", ["Room 1\rATTENDEE:mailto:x@example.org", "Room 1\nATTENDEE:x", "Room 1\r\nATTENDEE:x"]
)
def test_a_line_break_in_a_title_or_place_never_starts_a_property(typed):
    ics = sessions_ics([session(title=typed, location=typed)], calendar_name="Cohort\rX-EVIL:1")

    lines = ics.split("\r\n")
    assert "\r" not in "".join(lines) and "\n" not in "".join(lines)
    assert not any(line.startswith(("ATTENDEE", "X-EVIL")) for line in lines)
    assert "SUMMARY:Room 1\\nATTENDEE" in ics
    assert "X-WR-CALNAME:Cohort\\nX-EVIL:1" in ics


def test_other_control_characters_are_dropped():
    ics = sessions_ics([session(title="Vote\x0b\x00 today\ttoo")], calendar_name="C")

    assert "SUMMARY:Vote today\ttoo" in ics
