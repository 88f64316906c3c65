from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated

from . import views
from .auth import PipelineTokenAuthentication


def api(view):
    """Token authentication only: outside the site's login, and CSRF-exempt (DRF's `as_view`)."""
    return login_not_required(view.as_view())


schema = SpectacularAPIView.as_view(
    authentication_classes=[PipelineTokenAuthentication, SessionAuthentication],
    permission_classes=[IsAuthenticated],
    throttle_classes=[],
    urlconf="pipelines.api.urls",
)

app_name = "pipeline_api"

urlpatterns = [
    path("api/pipeline/v1/schema/", login_not_required(schema), name="api_schema"),
    path("api/pipeline/v1/client/pb-change.py", api(views.ClientScriptView), name="api_client_script"),
    path("api/pipeline/v1/changes/", api(views.ChangeCreateView), name="api_changes"),
    path("api/pipeline/v1/changes/<str:number>/", api(views.ChangeDetailView), name="api_change"),
    path(
        "api/pipeline/v1/changes/<str:number>/implement/",
        api(views.ChangeImplementView),
        name="api_change_implement",
    ),
    path("api/pipeline/v1/changes/<str:number>/notes/", api(views.ChangeNoteView), name="api_change_notes"),
    path(
        "api/pipeline/v1/changes/<str:number>/attachments/",
        api(views.ChangeAttachmentView),
        name="api_change_attachments",
    ),
    path("api/pipeline/v1/changes/<str:number>/close/", api(views.ChangeCloseView), name="api_change_close"),
]
