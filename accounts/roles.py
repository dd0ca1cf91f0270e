"""Role names shared by code and data: groups are referred to by these constants, never by literals."""

TRAINERS = "Trainers"
CITY_OFFICIALS = "City officials"
# Wagtail's own groups (created by its migrations), named here so that code can refer to them.
EDITORS = "Editors"
MODERATORS = "Moderators"

# Groups whose members see other people's data (rosters, reflections, drafts): a password alone is not
# enough for them when MFA_REQUIRED_FOR_STAFF is on.
PRIVILEGED_GROUPS = (TRAINERS, EDITORS, MODERATORS)
