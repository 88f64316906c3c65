"""Every API error as `{"detail": …}` (and `errors` by field for bad input): the service layer's refusals
with their status, DRF's own (401, 404, 429 with Retry-After) as DRF answers them."""

from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from pipelines.errors import PipelineError


def exception_handler(exc, context):
    if isinstance(exc, PipelineError):
        body: dict = {"detail": exc.message}
        if exc.errors:
            body["errors"] = exc.errors
        return Response(body, status=exc.status)
    if isinstance(exc, ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        return Response(validation_body(errors), status=400)
    return drf_handler(exc, context)


def validation_body(errors) -> dict:
    return {"detail": "The request is not valid.", "errors": errors}
