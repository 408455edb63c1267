"""Signing in and out, and throttling repeated failures."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_sign_in_with_correct_details_then_sign_out(client, essex_editor):
    response = client.post(reverse("accounts:sign-in"), {
        "username": essex_editor.username, "password": "correct horse battery"})
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == essex_editor
    assert client.post(reverse("accounts:sign-out")).status_code == 302
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_sign_out_by_get_is_refused(client, essex_editor):
    client.force_login(essex_editor)
    assert client.get(reverse("accounts:sign-out")).status_code == 405
    assert client.get(reverse("home")).context["user"] == essex_editor


def test_wrong_password_shows_the_error_summary(client, essex_editor):
    response = client.post(reverse("accounts:sign-in"), {
        "username": essex_editor.username, "password": "wrong"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: Sign in" in body
    assert "There is a problem" in body
    assert "Enter a correct email address and password" in body
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_repeated_failures_lock_the_account_even_with_the_right_password(
        client, essex_editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:sign-in"), {
            "username": essex_editor.username, "password": "wrong"})
    response = client.post(reverse("accounts:sign-in"), {
        "username": essex_editor.username, "password": "correct horse battery"})
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert not client.get(reverse("home")).context["user"].is_authenticated
