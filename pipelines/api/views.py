"""The pipeline API: thin views over `pipelines.services`, one per operation. Every request a token makes
is recorded (by token name, never its secret)."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from pipelines import services
from pipelines.client import DOWNLOAD_NAME, SCRIPT
from pipelines.documents import change_document
from pipelines.errors import PipelineError
from pipelines.middleware import too_large_message
from pipelines.models import ChangeRequest, PipelineRequest
from pipelines.polling import change_status

from .auth import PipelineTokenAuthentication
from .serializers import (
    AttachmentSerializer,
    AttachmentUploadSerializer,
    ChangeCreateSerializer,
    ChangeDocumentSerializer,
    CloseSerializer,
    NoteSerializer,
    OkSerializer,
)


class TooLarge(PipelineError):
    status = 413


def document(request, change: ChangeRequest) -> dict:
    page = reverse("pipelines:change_detail", args=[change.namespace.slug, change.number])
    return change_document(change, request.build_absolute_uri(page))


class PipelineView(APIView):
    def finalize_response(self, request, response, *args, **kwargs):
        token = getattr(request, "auth", None)
        if token is not None and hasattr(token, "namespace_id"):
            PipelineRequest.objects.create(
                namespace_id=token.namespace_id,
                token=token,
                token_name=token.name,
                method=request.method[:10],
                path=request.path[:300],
                status=response.status_code,
                change_number=str(kwargs.get("number", ""))[:40],
            )
        return super().finalize_response(request, response, *args, **kwargs)

    def change(self, number: str, write: bool = False) -> ChangeRequest:
        token = self.request.auth
        return services.find_change(token.namespace, number, token=token, write=write)

    @property
    def actor(self) -> str:
        return self.request.auth.name


class ChangeCreateView(PipelineView):
    @extend_schema(request=ChangeCreateSerializer, responses={201: ChangeDocumentSerializer})
    def post(self, request):
        form = ChangeCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        change = services.create_change(
            request.auth.namespace,
            form.change_input(),
            connection=data.get("connection") or "",
            application=data.get("application") or "",
            environment=data.get("environment") or "",
            deployment=str(data["deployment"]) if data.get("deployment") else "",
            token=request.auth,
        )
        return Response(document(request, change), status=status.HTTP_201_CREATED)


class ChangeDetailView(PipelineView):
    @extend_schema(responses={200: ChangeDocumentSerializer})
    def get(self, request, number: str):
        found = self.change(number)
        change = change_status(found, self.actor, may_write=found.token_id == self.request.auth.pk)
        return Response(document(request, change))


class ChangeImplementView(PipelineView):
    @extend_schema(request=None, responses={200: ChangeDocumentSerializer})
    def post(self, request, number: str):
        change = services.implement_change(self.change(number, write=True), self.actor)
        return Response(document(request, change))


class ChangeNoteView(PipelineView):
    @extend_schema(request=NoteSerializer, responses={201: OkSerializer})
    def post(self, request, number: str):
        change = self.change(number, write=True)
        form = NoteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.add_work_note(change, form.validated_data["text"], self.actor)
        return Response({"ok": True}, status=status.HTTP_201_CREATED)


def too_large() -> TooLarge:
    return TooLarge(too_large_message())


class ChangeAttachmentView(PipelineView):
    @extend_schema(
        request={"multipart/form-data": AttachmentUploadSerializer}, responses={201: AttachmentSerializer}
    )
    def post(self, request, number: str):
        change = self.change(number, write=True)
        form = AttachmentUploadSerializer(data=request.data)
        if getattr(request._request, "attachment_too_large", False):
            raise too_large()
        form.is_valid(raise_exception=True)
        upload = form.validated_data["file"]
        if upload.size > settings.PIPELINE_MAX_ATTACHMENT:
            raise too_large()
        info = services.attach_file(change, upload.name, upload.read(), upload.content_type or "", self.actor)
        body = {
            "sys_id": info.sys_id,
            "file_name": info.file_name,
            "size_bytes": info.size_bytes,
            "content_type": info.content_type,
            "download_link": info.download_link,
        }
        return Response(body, status=status.HTTP_201_CREATED)


class ChangeCloseView(PipelineView):
    @extend_schema(request=CloseSerializer, responses={200: ChangeDocumentSerializer})
    def post(self, request, number: str):
        change = self.change(number, write=True)
        form = CloseSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        change = services.close_change(change, data["code"], data["notes"], self.actor)
        return Response(document(request, change))


class ClientScriptView(APIView):
    """`pb-change` for download, with a pipeline token (a pipeline fetches it) or a signed-in session."""

    authentication_classes = [PipelineTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes: list = []

    @extend_schema(exclude=True)
    def get(self, request):
        response = HttpResponse(SCRIPT.read_bytes(), content_type="text/x-python; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{DOWNLOAD_NAME}"'
        return response
