from django.urls import path

from tickets import views

app_name = "tickets"

urlpatterns = [
    path("n/<slug:namespace>/tickets/", views.PairListView.as_view(), name="pair_list"),
    path("n/<slug:namespace>/tickets/add/", views.PairCreateView.as_view(), name="pair_add"),
    path("n/<slug:namespace>/tickets/<int:pk>/", views.PairDetailView.as_view(), name="pair_detail"),
    path("n/<slug:namespace>/tickets/<int:pk>/edit/", views.PairUpdateView.as_view(), name="pair_edit"),
    path(
        "n/<slug:namespace>/tickets/<int:pk>/discover/",
        views.PairDiscoverView.as_view(),
        name="pair_discover",
    ),
    path(
        "n/<slug:namespace>/tickets/<int:pk>/webhook/",
        views.PairHookSecretView.as_view(),
        name="pair_hook_secret",
    ),
    path("hooks/tickets/<int:pk>/<slug:side>/", views.TicketHookView.as_view(), name="hook_receive"),
]
