"""Installation-wide flags (for example: demonstration data is loaded)."""

from django.db import models


class SiteFlag(models.Model):
    name = models.CharField(max_length=50, unique=True)
    value = models.BooleanField(default=False)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
