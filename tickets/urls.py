from django.contrib.auth.decorators import login_not_required
from django.urls import path

from tickets import api, pair_views, views

app_name = "tickets"

urlpatterns = [
    path("api/alerts", login_not_required(api.AlertView.as_view()), name="api_alerts"),
    path("n/<slug:namespace>/tickets/", views.PairListView.as_view(), name="pair_list"),
    path("n/<slug:namespace>/tickets/add/", views.PairCreateView.as_view(), name="pair_add"),
    path("n/<slug:namespace>/tickets/<int:pk>/", views.PairDetailView.as_view(), name="pair_detail"),
    path("n/<slug:namespace>/tickets/<int:pk>/edit/", views.PairUpdateView.as_view(), name="pair_edit"),
    path(
        "n/<slug:namespace>/tickets/<int:pk>/discover/",
        views.PairDiscoverView.as_view(),
        name="pair_discover",
    ),
    path("n/<slug:namespace>/tickets/<int:pk>/links/", pair_views.LinkListView.as_view(), name="pair_links"),
    path(
        "n/<slug:namespace>/tickets/<int:pk>/conflicts/",
        pair_views.ConflictListView.as_view(),
        name="pair_conflicts",
    ),
    path("n/<slug:namespace>/tickets/<int:pk>/log/", pair_views.LogListView.as_view(), name="pair_log"),
    path("n/<slug:namespace>/tickets/<int:pk>/sync/", pair_views.SyncNowView.as_view(), name="pair_sync"),
    path("n/<slug:namespace>/tickets/<int:pk>/export/", pair_views.ExportView.as_view(), name="pair_export"),
    path(
        "n/<slug:namespace>/tickets/<int:pk>/webhook/",
        views.PairHookSecretView.as_view(),
        name="pair_hook_secret",
    ),
    path(
        "n/<slug:namespace>/tickets/<int:pk>/update-set/",
        views.PairUpdateSetView.as_view(),
        name="pair_update_set",
    ),
    path("hooks/tickets/<int:pk>/<slug:side>/", views.TicketHookView.as_view(), name="hook_receive"),
]
