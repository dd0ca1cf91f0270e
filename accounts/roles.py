"""Role names shared by code and data: groups are referred to by these constants, never by literals."""

TRAINERS = "Trainers"
CITY_OFFICIALS = "City officials"
