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


def test_an_empty_form_names_each_missing_field_and_shows_no_stray_value(client, db):
    response = client.post(reverse("accounts:sign-in"), {"username": "", "password": ""})
    body = response.content.decode()
    assert response.status_code == 400
    assert body.count("Enter your email address") == 2  # in the summary and by the field
    assert body.count("Enter your password") == 2
    assert 'value="None"' not in body


def test_the_sign_in_page_does_not_move_focus_past_the_skip_link(client, db):
    body = client.get(reverse("accounts:sign-in")).content.decode()
    assert "autofocus" not in body
    assert body.index('href="#main-content"') < body.index('name="username"')


def test_a_failure_says_how_many_tries_are_left_before_the_pause(client, essex_editor,
                                                                 settings):
    for _attempt in range(2):
        response = client.post(reverse("accounts:sign-in"), {
            "username": essex_editor.username, "password": "wrong"})
    body = response.content.decode()
    left = settings.AXES_FAILURE_LIMIT - 2
    assert f"You can try {left} more times." in body
    assert "paused for 15 minutes" in body


def test_the_pause_says_how_long_it_lasts_and_lifts_afterwards(client, essex_editor,
                                                                settings):
    from datetime import timedelta

    from axes.models import AccessAttempt
    from django.utils import timezone

    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("accounts:sign-in"), {
            "username": essex_editor.username, "password": "wrong"})
    body = response.content.decode()
    assert response.status_code == 429
    assert "Wait 15 minutes and try again." in body
    assert 'name="password"' not in body

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = client.post(reverse("accounts:sign-in"), {
        "username": essex_editor.username, "password": "correct horse battery"})
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == essex_editor


def test_one_locked_account_does_not_lock_out_others_on_the_same_connection(
        client, essex_editor, surrey_editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:sign-in"), {
            "username": essex_editor.username, "password": "wrong"})
    response = client.post(reverse("accounts:sign-in"), {
        "username": surrey_editor.username, "password": "correct horse battery"})
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == surrey_editor


def fail_sign_in(client, username: str, forwarded_for: str) -> object:
    return client.post(reverse("accounts:sign-in"), {"username": username, "password": "wrong"},
                       REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)


def test_behind_a_trusted_proxy_each_client_is_counted_by_its_own_address(
        client, essex_editor, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        fail_sign_in(client, essex_editor.username, "203.0.113.9")
    # another person signing in to the same account through the same proxy is not paused
    response = client.post(reverse("accounts:sign-in"), {
        "username": essex_editor.username, "password": "correct horse battery"},
        REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 302


def test_a_forged_forwarded_address_does_not_dodge_the_pause(client, essex_editor, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        # the client makes up a first hop each time; the proxy appends the real address
        fail_sign_in(client, essex_editor.username, f"192.0.2.{attempt}, 203.0.113.9")
    response = fail_sign_in(client, essex_editor.username, "192.0.2.99, 203.0.113.9")
    assert response.status_code == 429


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, essex_editor,
                                                                 settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        fail_sign_in(client, essex_editor.username, f"192.0.2.{attempt}")
    assert fail_sign_in(client, essex_editor.username, "192.0.2.99").status_code == 429


def test_a_forwarded_value_that_is_not_an_address_falls_back_to_the_connection(
        client, essex_editor, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    response = fail_sign_in(client, essex_editor.username, "not-an-address")
    assert response.status_code == 400
    from axes.models import AccessAttempt

    assert AccessAttempt.objects.get().ip_address == "10.0.0.1"
