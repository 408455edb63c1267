"""The API under /api/: the operations, the OpenAPI schema, the documentation page and the
open-data package."""

from django.urls import path, re_path

from . import views
from .app import api

app_name = "api"

urlpatterns = [
    path("", views.docs_page, name="docs-page"),
    path("open-data.zip", views.open_data_download, name="open-data"),
    *api.urls[0],
    re_path(r"^.*$", views.unknown_address, name="unknown"),
]
