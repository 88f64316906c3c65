from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    # browsers ask for /favicon.ico whatever the page's <link rel="icon"> says
    path("favicon.ico", login_not_required(RedirectView.as_view(url=static("favicon.svg"), permanent=True))),
    path("", include("pipelines.api.urls")),
    path("", include("pipelines.urls")),
    path("", include("integrations.urls")),
    path("", include("sync.urls")),
    path("", include("tickets.urls")),
    path("", include("catalog.urls")),
]
