from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("collated/<slug:slug>/", views.collated_report, name="collated"),
    path("collated/<slug:slug>/download/<str:fmt>/", views.download, name="download"),
    path("collated/<slug:slug>/text/", views.edit_text, name="edit-text"),
    path("collated/<slug:slug>/publish/", views.publish, name="publish"),
    path("collated/<slug:slug>/sections/<slug:theme>/keep/", views.keep_defaults,
         name="keep-defaults"),
    path("collated/<slug:slug>/sections/<slug:theme>/add/<int:passage>/", views.add_example,
         name="add-example"),
    path("examples/<int:pk>/edit/", views.edit_example, name="edit-example"),
    path("examples/<int:pk>/remove/", views.remove_example, name="remove-example"),
    path("examples/<int:pk>/move/", views.move_example, name="move-example"),
]
