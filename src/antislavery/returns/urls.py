from django.urls import path

from .views import requests as request_views
from .views import responses as response_views

app_name = "returns"

_response = "<slug:slug>/responses/<slug:area_slug>/"

urlpatterns = [
    path("", request_views.index, name="index"),
    path("for-us/", request_views.for_us, name="for-us"),
    path("new/", request_views.create, name="create"),
    path("<slug:slug>/", request_views.detail, name="request"),
    path("<slug:slug>/edit/", request_views.edit, name="edit-request"),
    path("<slug:slug>/questions/new/", request_views.question_form, name="question-add"),
    path("<slug:slug>/questions/<slug:key>/edit/", request_views.question_form,
         name="question-edit"),
    path("<slug:slug>/questions/<slug:key>/remove/", request_views.question_remove,
         name="question-remove"),
    path("<slug:slug>/questions/<slug:key>/move/", request_views.question_move,
         name="question-move"),
    path("<slug:slug>/issue/", request_views.issue, name="issue"),
    path("<slug:slug>/extend/", request_views.extend, name="extend"),
    path("<slug:slug>/close/", request_views.close, name="close"),
    path("<slug:slug>/reminders/", request_views.reminders, name="reminders"),
    path("<slug:slug>/export/<slug:what>.<slug:fmt>", request_views.export, name="export"),
    path("<slug:slug>/letters/", request_views.letter_list, name="letters"),
    path("<slug:slug>/letters/<slug:area_slug>/", request_views.letter, name="letter"),
    path("<slug:slug>/letters/<slug:area_slug>.docx", request_views.letter_docx,
         name="letter-docx"),
    path("<slug:slug>/published/", request_views.published, name="published"),
    path("<slug:slug>/receive/", response_views.receive, name="receive"),
    path(_response, response_views.detail, name="response"),
    path(_response + "edit/", response_views.edit, name="edit"),
    path(_response + "submit/", response_views.submit, name="submit"),
    path(_response + "attach/", response_views.attach, name="attach"),
    path(_response + "attachments/<int:pk>/", response_views.attachment_download,
         name="attachment"),
    path(_response + "attachments/<int:pk>/remove/", response_views.attachment_remove,
         name="attachment-remove"),
    path(_response + "return/", response_views.review("return"), name="return"),
    path(_response + "accept/", response_views.review("accept"), name="accept"),
    path(_response + "publish/", response_views.review("publish"), name="publish"),
    path(_response + "withdraw/", response_views.review("withdraw"), name="withdraw"),
    path(_response + "reopen/", response_views.review("reopen"), name="reopen"),
    path(_response + "versions/", response_views.history, name="history"),
    path(_response + "versions/<int:number>/", response_views.version, name="version"),
]
