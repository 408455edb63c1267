from django.urls import path

from .views import entries, gaps, imports, library, register

app_name = "provision"

urlpatterns = [
    path("", register.index, name="index"),
    path("matrix/", register.matrix, name="matrix"),
    path("export.<str:fmt>", register.export, name="export"),
    path("import/", imports.upload, name="import"),
    path("library/", library.library, name="library"),
    path("areas/<slug:slug>/new/", entries.create, name="create"),
    path("drafts/", entries.draft_from_passage, name="draft-from-passage"),
    path("entries/<int:pk>/", entries.detail, name="entry"),
    path("entries/<int:pk>/edit/", entries.edit, name="edit"),
    path("entries/<int:pk>/end/", entries.end, name="end"),
    path("entries/<int:pk>/withdraw/", entries.withdraw, name="withdraw"),
    path("entries/<int:pk>/history/", entries.history, name="history"),
    path("gaps/<slug:slug>/", gaps.gaps_page, name="gaps"),
]
