from django.urls import path

from sync import (
    alias_views,
    dashboard,
    merge_views,
    publish_views,
    run_views,
    setup_views,
    subscribe_views,
    views,
)

app_name = "sync"
base = "n/<slug:namespace>/match/"

runs = "n/<slug:namespace>/runs/<uuid:pk>/"
connection = "n/<slug:namespace>/connections/<uuid:pk>/"

urlpatterns = [
    path("", dashboard.HomeView.as_view(), name="dashboard"),
    path("n/<slug:namespace>/", dashboard.NamespaceDashboardView.as_view(), name="dashboard_ns"),
    path(base, views.ChooseConnectionView.as_view(), name="match_start"),
    path(f"{base}aliases/", alias_views.AliasesView.as_view(), name="match_aliases"),
    path(f"{base}aliases/<int:pk>/undo/", alias_views.AliasRemoveView.as_view(), name="match_alias_remove"),
    path(f"{base}<uuid:pk>/summary/", views.SummaryView.as_view(), name="match_summary"),
    path(f"{base}<uuid:pk>/setup/", setup_views.SetupView.as_view(), name="match_setup"),
    path(f"{base}<uuid:pk>/<slug:slug>/", views.MatchStepView.as_view(), name="match_step"),
    path(f"{base}<uuid:pk>/<slug:slug>/pull/", views.PullView.as_view(), name="match_pull"),
    path(f"{base}<uuid:pk>/<slug:slug>/search/", views.SearchTargetsView.as_view(), name="match_search"),
    path(f"{base}<uuid:pk>/<slug:slug>/export/", views.MatchExportView.as_view(), name="match_export"),
    path(f"{base}<uuid:pk>/<slug:slug>/import/", views.MatchImportView.as_view(), name="match_import"),
    path("n/<slug:namespace>/runs/", run_views.RunListView.as_view(), name="run_list"),
    path("n/<slug:namespace>/runs/<uuid:pk>/", run_views.RunDetailView.as_view(), name="run_detail"),
    path("n/<slug:namespace>/runs/<uuid:pk>/audit/", run_views.AuditView.as_view(), name="run_audit"),
    path(f"{runs}progress/", publish_views.ProgressView.as_view(), name="run_progress"),
    path(f"{runs}<slug:action>/", publish_views.RunActionView.as_view(), name="run_action"),
    path(
        "n/<slug:namespace>/connections/<uuid:pk>/publish/",
        publish_views.StartPublishView.as_view(),
        name="publish_start",
    ),
    path(
        "n/<slug:namespace>/connections/<uuid:pk>/preview/",
        run_views.StartPreviewView.as_view(),
        name="preview_start",
    ),
    path(f"{connection}subscribe/", subscribe_views.SubscribeView.as_view(), name="subscribe"),
    path(f"{connection}subscribe/<uuid:pull_pk>/", subscribe_views.PullView.as_view(), name="subscribe_pull"),
    path(
        f"{connection}subscribe/<uuid:pull_pk>/merge/",
        merge_views.MergeView.as_view(),
        name="subscribe_merge",
    ),
    path(
        f"{connection}subscribe/<uuid:pull_pk>/export/",
        merge_views.MergeExportView.as_view(),
        name="subscribe_export",
    ),
    path(
        f"{connection}subscribe/settings/",
        merge_views.SubscribeSettingsView.as_view(),
        name="subscribe_settings",
    ),
    path(
        f"{connection}webhook/credentials/",
        subscribe_views.WebhookCredentialsView.as_view(),
        name="webhook_credentials",
    ),
    path(f"{connection}webhook/test/", subscribe_views.WebhookTestView.as_view(), name="webhook_test"),
    path("hooks/<uuid:pk>/", subscribe_views.WebhookReceiveView.as_view(), name="webhook_receive"),
]
