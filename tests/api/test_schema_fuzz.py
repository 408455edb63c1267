"""Schemathesis drives every operation of the API from its OpenAPI schema, in process through
Django's WSGI application: no server error, and every answer fits the schema.

Valid requests (positive mode) and invalid ones (negative mode) are both generated; for each,
schemathesis checks the status code is documented, the content type is the one documented,
the body and headers fit their schemas, and nothing answers 5xx.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from antislavery.api.app import api
from antislavery.wsgi import application

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_keep_test_connection")]

SCHEMA = api.get_openapi_schema(path_prefix="/api")
OPERATIONS = [(method.upper(), path) for path, methods in SCHEMA["paths"].items()
              for method in methods]
# Negative mode needs a parameter whose schema an invalid value can break.
WITH_PARAMETERS = [(m, p) for m, p in OPERATIONS
                   if SCHEMA["paths"][p][m.lower()].get("parameters")]


@pytest.fixture
def _keep_test_connection():
    """Django's WSGI handler closes the database connection after each request; the test's
    transaction lives on it (Django's own test client unhooks the same signals)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def run(method: str, path: str, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    operation = schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=30, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        # A well-formed cursor or area that does not exist is rightly refused (422/404),
        # so "every schema-valid request succeeds" is not asked; every other check is.
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    check()


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_valid_requests_get_answers_that_fit_the_schema(official, protected_public,
                                                       private_release, request_with_answers,
                                                       register, added_codes, method, path):
    run(method, path, GenerationMode.POSITIVE)


@pytest.mark.parametrize(("method", "path"), WITH_PARAMETERS)
def test_invalid_requests_are_refused_within_the_schema(official, protected_public,
                                                       private_release, request_with_answers,
                                                       register, added_codes, method, path):
    run(method, path, GenerationMode.NEGATIVE)


def test_the_run_covers_provision_practice_and_the_codebook():
    assert {("GET", "/api/provision"), ("GET", "/api/provision/{entry_id}"),
            ("GET", "/api/practice"), ("GET", "/api/codebook")} <= set(OPERATIONS)
