from django.urls import path

from . import views

app_name = "areas"

urlpatterns = [
    path("", views.area_list, name="list"),
    path("groups/", views.peer_group_list, name="peer-groups"),
    path("groups/new/", views.peer_group_create, name="peer-group-create"),
    path("groups/<slug:slug>/", views.peer_group_detail, name="peer-group"),
    path("groups/<slug:slug>/edit/", views.peer_group_edit, name="peer-group-edit"),
    path("<slug:slug>/", views.area_detail, name="detail"),
    path("<slug:slug>/office/edit/", views.office_edit, name="office-edit"),
]
