from django.contrib.auth.decorators import login_not_required
from django.urls import path

from tickets import api, views

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
]
