"""The languages a person may say they speak: the site's own, and those its people often speak besides.

A fixed list of codes, each named in itself as settings.LANGUAGES names the site's: a filter link means
the same language whatever language the reader browses in, and nobody types a language nobody can find.
Only languages whose script the site's vendored fonts draw: a name in a script the page cannot show
would be a row of empty boxes.
"""

from django.conf import settings

EXTRA_LANGUAGES = [
    ("am", "አማርኛ"),
    ("ckb", "کوردی"),
    ("ff", "Pulaar"),
    ("ku", "Kurdî"),
    ("ps", "پښتو"),
    ("prs", "دری"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("so", "Soomaali"),
    ("sq", "Shqip"),
    ("sw", "Kiswahili"),
    ("ta", "தமிழ்"),
    ("ur", "اردو"),
    ("wo", "Wolof"),
]

SPOKEN_LANGUAGES = [*settings.LANGUAGES, *EXTRA_LANGUAGES]
SPOKEN_LANGUAGE_NAMES = dict(SPOKEN_LANGUAGES)
