"""Attachment limits of the pipeline API, applied before any middleware reads the body: a declared length
over PIPELINE_MAX_ATTACHMENT is refused with 413 unread, and a streamed file is counted against that
limit instead of the portfolio import's."""

from collections.abc import Callable

from django.conf import settings
from django.core.files.uploadhandler import (
    FileUploadHandler,
    MemoryFileUploadHandler,
    StopUpload,
    TemporaryFileUploadHandler,
)
from django.http import HttpRequest, HttpResponse, JsonResponse

API_PREFIX = "/api/pipeline/"
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and headers around the file


def too_large_message() -> str:
    return f"The file is larger than the limit of {settings.PIPELINE_MAX_ATTACHMENT:,} bytes."


class AttachmentLimit(FileUploadHandler):
    """Stops a file once it passes PIPELINE_MAX_ATTACHMENT while it streams; the view answers 413."""

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > settings.PIPELINE_MAX_ATTACHMENT:
            self.request.attachment_too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


class PipelineUploadLimits:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX):
            length = request.META.get("CONTENT_LENGTH") or "0"
            if length.isdigit() and int(length) > settings.PIPELINE_MAX_ATTACHMENT + FORM_OVERHEAD:
                return JsonResponse({"detail": too_large_message()}, status=413)
            request.upload_handlers = [
                AttachmentLimit(request),
                MemoryFileUploadHandler(request),
                TemporaryFileUploadHandler(request),
            ]
        return self.get_response(request)
