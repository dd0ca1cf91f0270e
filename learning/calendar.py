"""iCalendar (RFC 5545) files for live sessions: enough for every calendar application, no dependency."""

import unicodedata
from datetime import UTC, datetime

from django.conf import settings


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): every line break, including a lone carriage return, becomes an
    escaped \\n, and other control characters (not allowed in a value) are dropped; a raw break would end
    the property and let the rest of the text become properties of its own."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(char for char in text if char in "\n\t" or unicodedata.category(char) != "Cc")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1)."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def sessions_ics(sessions, *, calendar_name: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Mutual Learning//Live sessions//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(calendar_name)}",
    ]
    now = _stamp(datetime.now(UTC))
    host = settings.SITE_URL.split("//")[-1].split("/")[0]
    for session in sessions:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{session.uid}@{host}",
            f"DTSTAMP:{now}",
            f"DTSTART:{_stamp(session.starts_at)}",
            f"DTEND:{_stamp(session.ends_at)}",
            f"SUMMARY:{_escape(session.title)}",
        ]
        if session.location:
            lines.append(f"LOCATION:{_escape(session.location)}")
        if session.online_url:
            lines.append(f"URL:{session.online_url}")
            lines.append(f"DESCRIPTION:{_escape(session.online_url)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
