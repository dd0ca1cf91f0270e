"""Files kept on local disk that have no public address (certificates): only a view that checks who asks
may read them and send them. Any code asking for a URL is a mistake, and fails loudly."""

from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    def url(self, name):
        raise ValueError("Private files have no URL: serve them through a view that checks permissions.")


def private_storage():
    """STORAGES["private"], looked up when used (a callable for FileField, so tests and settings may swap
    it): local disk here, the bucket's private/ prefix on S3-compatible storage."""
    return storages["private"]
