"""Static files as WhiteNoise serves them (hashed names, gzip and Brotli copies), with each name's URL
worked out once per process.

`{% static %}` asks the storage for a URL on every use: ManifestStaticFilesStorage then splits, unquotes,
normalises and looks the name up in its manifest again, about 20 µs a time, and a page uses it eight or
more times. The manifest is read when the process starts and does not change while it runs, so the answer
for a name does not either. The names come from templates and code, never from a visitor, so the memo
stays as small as the set of files the templates name. `collectstatic` rewrites the manifest: the memo is
emptied around it, and the development server (DEBUG) asks every time, as it finds files anew.
"""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url

    def post_process(self, *args, **kwargs):
        self._urls.clear()
        yield from super().post_process(*args, **kwargs)
        self._urls.clear()
