from django.conf import settings
from django.contrib import admin
from django.templatetags.static import static
from django.urls import URLPattern, URLResolver, include, path, register_converter
from django.views.generic.base import RedirectView

from hamaynk.api.api import api
from hamaynk.core import views as core_views
from hamaynk.core.converters import IdConverter
from hamaynk.portal import views as portal_views

register_converter(IdConverter, "id")

# after the converter: these modules' routes use it
from hamaynk.communities import urls as registry_urls  # noqa: E402
from hamaynk.networks import directory_urls  # noqa: E402

handler404 = "hamaynk.core.views.error_404"
handler403 = "hamaynk.core.views.error_403"

urlpatterns = [
    path("", portal_views.home, name="home"),
    path("my/", portal_views.dashboard, name="dashboard"),
    path("my/work/", portal_views.my_work, name="my_work"),
    path("", include("hamaynk.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    # the registry's pages; its directory and profiles show networks, so networks holds them
    path("communities/", include((directory_urls.urlpatterns + registry_urls.urlpatterns,
                                  registry_urls.app_name))),
    path("networks/", include("hamaynk.networks.urls")),
    path("grants/", include("hamaynk.grants.urls")),
    path("learning/", include("hamaynk.learning.urls")),
    path("portfolios/", include("hamaynk.portfolios.urls")),
    path("notifications/", include("hamaynk.notifications.urls")),
    path("files/<id:pk>/", core_views.file_download, name="file"),
    path("api/", api.urls),
    # browsers ask for /favicon.ico whatever the page links: send them to the SVG
    path("favicon.ico", RedirectView.as_view(url=static("hamaynk/favicon.svg"), permanent=True)),
]


def admin_urls() -> list[URLPattern | URLResolver]:
    """The admin (signed in through allauth: accounts/admin_site.py), unless ADMIN_ENABLED
    is off, where a deployment keeps it off the public site altogether."""
    return [path("admin/", admin.site.urls)] if settings.HAMAYNK_ADMIN_ENABLED else []


urlpatterns += admin_urls()

if settings.DEBUG:
    from django.views.defaults import page_not_found, permission_denied, server_error

    urlpatterns += [
        path("_errors/403/", permission_denied, {"exception": Exception()}),
        path("_errors/404/", page_not_found, {"exception": Exception()}),
        path("_errors/500/", server_error),
    ]
