from django.urls import path

from . import views_upload

app_name = "localpicture"

urlpatterns: list = [
    # Statistics in: upload, progress, releases, the file format.
    path("upload/", views_upload.upload, name="upload"),
    path("upload/<int:pk>/", views_upload.upload_status, name="upload-status"),
    path("releases/", views_upload.release_list, name="releases"),
    path("releases/<int:pk>/", views_upload.release_detail, name="release"),
    path("format/", views_upload.statistics_format, name="format"),
]
