"""The languages a person may say they speak: the site's own, and those its people often speak besides.

A fixed list of codes, each named in itself as settings.LANGUAGES names the site's: a filter link means
the same language whatever language the reader browses in, and nobody types a language nobody can find.
"""

from django.conf import settings

EXTRA_LANGUAGES = [
    ("am", "አማርኛ"),
    ("bn", "বাংলা"),
    ("ckb", "کوردی"),
    ("ff", "Pulaar"),
    ("hi", "हिन्दी"),
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
