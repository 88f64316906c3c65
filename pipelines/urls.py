from django.urls import path

from pipelines import views

app_name = "pipelines"

urlpatterns = [
    path("n/<slug:namespace>/pipelines/tokens/", views.TokenListView.as_view(), name="token_list"),
    path(
        "n/<slug:namespace>/pipelines/tokens/<int:pk>/revoke/",
        views.TokenRevokeView.as_view(),
        name="token_revoke",
    ),
    path(
        "n/<slug:namespace>/pipelines/changes/<str:number>/",
        views.ChangeDetailView.as_view(),
        name="change_detail",
    ),
]
