"""Every app's pages, mounted under its own prefix."""

from django.contrib import admin
from django.urls import include, path

from antislavery.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("about/", core_views.about, name="about"),
    path("accessibility/", core_views.accessibility, name="accessibility"),
    path("account/", include("antislavery.accounts.urls")),
    path("areas/", include("antislavery.areas.urls")),
    path("statistics/", include("antislavery.localpicture.urls")),
    path("requests/", include("antislavery.returns.urls")),
    path("themes/", include("antislavery.themes.urls")),
    path("provision/", include("antislavery.provision.urls")),
    path("reports/", include("antislavery.reports.urls")),
    path("api/", include("antislavery.api.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
