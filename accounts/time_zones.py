"""Time zones as people look for them: grouped by region, each named by its city ("Brussels (Europe)").

The IANA database lists about 600 names, many of them aliases kept for old software (US/Eastern, Etc/GMT+5,
Cuba); a person picks from the canonical region/city names only. A stored alias still shows and stays
valid: it is added to the list when it is the current value.
"""

import zoneinfo
from functools import cache

from django.utils.translation import gettext_lazy as _

REGIONS = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic Ocean"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific Ocean"),
}


def zone_label(name: str) -> str:
    """ "Europe/Brussels" → "Brussels (Europe)"; "America/Argentina/Buenos_Aires" → "Buenos Aires, Argentina
    (Americas)"; names without a region (UTC) stay as they are."""
    region, _slash, place = name.partition("/")
    if not place or region not in REGIONS:
        return name.replace("_", " ")
    parts = [part.replace("_", " ") for part in reversed(place.split("/"))]
    return f"{', '.join(parts)} ({REGIONS[region]})"


def zone_city(name: str) -> str:
    """The short name shown beside a time: "Brussels", "New York", "UTC"."""
    return name.rsplit("/", 1)[-1].replace("_", " ")


@cache
def available_zones() -> frozenset[str]:
    """The IANA names, read once per process: `zoneinfo.available_timezones()` opens every one of its
    ~600 files each time it is called (~40 ms), and the database does not change under a running site."""
    return frozenset(zoneinfo.available_timezones())


@cache
def _canonical() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {region: [] for region in REGIONS}
    for name in available_zones():
        region, _slash, place = name.partition("/")
        if place and region in groups:
            groups[region].append(name)
    return groups


def grouped_time_zone_choices(current: str = "") -> list:
    """Choices for a <select> with one <optgroup> per region, sorted by the readable name."""
    groups = _canonical()
    known = {name for names in groups.values() for name in names} | {"UTC"}
    choices = [("UTC", "UTC")]
    if current and current not in known:
        choices.append((current, zone_label(current)))
    for region, names in groups.items():
        options = sorted(((name, zone_label(name)) for name in names), key=lambda option: option[1])
        choices.append((REGIONS[region], options))
    return choices


def first_valid_zone(*candidates: str, default: str) -> str:
    """The first candidate that is a real zone name: a stale cookie or an old profile value is skipped."""
    available = available_zones()
    return next((zone for zone in candidates if zone and zone in available), default)
