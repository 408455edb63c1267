"""Development: DEBUG on unless DEBUG=0, console email."""

import os

from .base import *  # noqa: F403 -- settings modules extend the base by star import
from .base import env_bool

DEBUG = env_bool("DEBUG", default=True)
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
