"""The embedded default: SQLite in the data folder, DEBUG off unless DEBUG=1."""

from .base import *  # noqa: F403 -- settings modules extend the base by star import
