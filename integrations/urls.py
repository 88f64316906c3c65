from django.urls import path

from integrations import views

app_name = "integrations"

urlpatterns = [
    path("n/<slug:namespace>/connections/", views.ConnectionListView.as_view(), name="connection_list"),
    path("n/<slug:namespace>/connections/add/", views.ConnectionCreateView.as_view(), name="connection_add"),
    path(
        "n/<slug:namespace>/connections/<uuid:pk>/",
        views.ConnectionDetailView.as_view(),
        name="connection_detail",
    ),
    path(
        "n/<slug:namespace>/connections/<uuid:pk>/edit/",
        views.ConnectionUpdateView.as_view(),
        name="connection_edit",
    ),
    path(
        "n/<slug:namespace>/connections/<uuid:pk>/delete/",
        views.ConnectionDeleteView.as_view(),
        name="connection_delete",
    ),
    path(
        "n/<slug:namespace>/connections/<uuid:pk>/test/",
        views.ConnectionTestView.as_view(),
        name="connection_test",
    ),
    path(
        "n/<slug:namespace>/connections/<uuid:pk>/update-set/",
        views.UpdateSetChecklistView.as_view(),
        name="update_set_checklist",
    ),
    path(
        "n/<slug:namespace>/connections/<uuid:pk>/update-set/download/",
        views.UpdateSetView.as_view(),
        name="update_set_download",
    ),
    path(
        "n/<slug:namespace>/connections/<uuid:pk>/fields/",
        views.ConnectionFieldsView.as_view(),
        name="connection_fields",
    ),
    path(
        "n/<slug:namespace>/connections/<uuid:pk>/entities/",
        views.GlpiEntitiesView.as_view(),
        name="glpi_entities",
    ),
]
