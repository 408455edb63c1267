from django.urls import path

from . import views

app_name = "themes"

urlpatterns = [
    path("codebook/", views.codebook, name="codebook"),
    path("codebook/add/", views.code_add, name="code-add"),
]
