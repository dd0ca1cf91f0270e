"""English dates as the site's European readers write them: day, month, year, and a 24-hour clock.

Django's own English formats are American (03/11/2027 is 11 March there, 3 November here). Only what
differs is set; everything else (input formats, separators) comes from Django's `en` module.
"""

DATE_FORMAT = "j F Y"  # 11 March 2027
TIME_FORMAT = "H:i"  # 14:30
DATETIME_FORMAT = "j F Y, H:i"  # 11 March 2027, 14:30
YEAR_MONTH_FORMAT = "F Y"  # March 2027
MONTH_DAY_FORMAT = "j F"  # 11 March
SHORT_DATE_FORMAT = "j M Y"  # 11 Mar 2027
SHORT_DATETIME_FORMAT = "j M Y, H:i"  # 11 Mar 2027, 14:30
FIRST_DAY_OF_WEEK = 1  # Monday
