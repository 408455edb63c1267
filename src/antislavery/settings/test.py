"""Tests: fast hashing, in-memory email, tasks run at once, database from TEST_DATABASE_URL."""

import os

import dj_database_url

from .base import *  # noqa: F403 -- settings modules extend the base by star import
from .base import DATABASES

if os.environ.get("TEST_DATABASE_URL"):
    DATABASES["default"] = dj_database_url.parse(os.environ["TEST_DATABASE_URL"])
else:
    DATABASES["default"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": ":memory:",
        "TEST": {"NAME": ":memory:"},
    }

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_FAILURE_LIMIT = 5
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LOCALPICTURE_WARM_AFTER_IMPORT = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
