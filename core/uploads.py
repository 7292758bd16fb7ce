"""Uploads bounded before they are buffered: no file keeps more than FILE_UPLOAD_MAX_BYTES + 1 bytes."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler


class BoundedUploadHandler(FileUploadHandler):
    """The first upload handler: it passes each file's bytes on to Django's memory or temporary-file handler
    until one byte past the limit, then drops the rest as it arrives, so neither memory nor disk ever holds
    more. The form then sees a file just over the limit and refuses it, by its size, at the field."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.kept = 0

    def receive_data_chunk(self, raw_data, start):
        room = settings.FILE_UPLOAD_MAX_BYTES + 1 - self.kept
        if room <= 0:
            return None  # Read off the wire and dropped: the handlers after this one never see it.
        self.kept += min(room, len(raw_data))
        return raw_data[:room]

    def file_complete(self, file_size):
        return None  # The next handler makes the file of what it was given.
