from django.urls import path

from . import views_picture, views_upload

app_name = "localpicture"

urlpatterns: list = [
    # Statistics in: upload, progress, releases, the file format.
    path("upload/", views_upload.upload, name="upload"),
    path("upload/<int:pk>/", views_upload.upload_status, name="upload-status"),
    path("releases/", views_upload.release_list, name="releases"),
    path("releases/<int:pk>/", views_upload.release_detail, name="release"),
    path("format/", views_upload.statistics_format, name="format"),
    # Picture out: every area, comparisons, an area's charts, data and report.
    path("", views_picture.national_page, name="national"),
    path("compare/", views_picture.compare_page, name="compare"),
    path("areas/<slug:slug>/charts/<slug:name>.svg", views_picture.chart_svg, name="chart"),
    path("areas/<slug:slug>/data/<slug:name>.<str:fmt>", views_picture.chart_data,
         name="chart-data"),
    path("areas/<slug:slug>/report.<str:fmt>", views_picture.profile_download, name="profile"),
]
