from django.urls import include, path

from catalog.views import deployments, objects, transfer

app_name = "catalog"

namespace_patterns = [
    *objects.urlpatterns,
    path(
        "applications/<uuid:application>/deployments/add/",
        deployments.DeploymentCreateView.as_view(),
        name="deployment_add",
    ),
    path("deployments/<uuid:pk>/edit/", deployments.DeploymentUpdateView.as_view(), name="deployment_edit"),
    path(
        "deployments/<uuid:pk>/delete/", deployments.DeploymentDeleteView.as_view(), name="deployment_delete"
    ),
    path("export/<str:fmt>/", transfer.ExportView.as_view(), name="export"),
    path("import/", transfer.ImportView.as_view(), name="import"),
]

urlpatterns = [
    path("n/<slug:namespace>/", include(namespace_patterns)),
]
