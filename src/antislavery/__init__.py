"""Anti-Slavery Local Response Toolkit."""

__version__ = "0.1.0"
