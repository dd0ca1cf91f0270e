"""Files kept on local disk that have no public address (certificates): only a view that checks who asks
may read them and send them. Any code asking for a URL is a mistake, and fails loudly."""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    def url(self, name):
        raise ValueError("Private files have no URL: serve them through a view that checks permissions.")
