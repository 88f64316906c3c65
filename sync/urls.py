from django.urls import path

from sync import views

app_name = "sync"
base = "n/<slug:namespace>/match/"

urlpatterns = [
    path(base, views.ChooseConnectionView.as_view(), name="match_start"),
    path(f"{base}<uuid:pk>/summary/", views.SummaryView.as_view(), name="match_summary"),
    path(f"{base}<uuid:pk>/<slug:slug>/", views.MatchStepView.as_view(), name="match_step"),
    path(f"{base}<uuid:pk>/<slug:slug>/pull/", views.PullView.as_view(), name="match_pull"),
    path(f"{base}<uuid:pk>/<slug:slug>/search/", views.SearchTargetsView.as_view(), name="match_search"),
    path(f"{base}<uuid:pk>/<slug:slug>/export/", views.MatchExportView.as_view(), name="match_export"),
    path(f"{base}<uuid:pk>/<slug:slug>/import/", views.MatchImportView.as_view(), name="match_import"),
]
