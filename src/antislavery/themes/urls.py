from django.urls import path

from . import views

app_name = "themes"

urlpatterns = [
    path("", views.index, name="index"),
    path("codebook/", views.codebook, name="codebook"),
    path("codebook/add/", views.code_add, name="code-add"),
    path("requests/<slug:slug>/", views.analysis, name="analysis"),
    path("requests/<slug:slug>/analyse/", views.analyse, name="analyse"),
    path("requests/<slug:slug>/refresh/", views.refresh, name="refresh"),
    path("requests/<slug:slug>/code/", views.code_next, name="code-next"),
    path("passages/<int:pk>/", views.passage_detail, name="passage"),
    path("passages/<int:pk>/code/", views.code, name="code"),
]
