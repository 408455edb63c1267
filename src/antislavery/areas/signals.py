"""Keep the in-process gazetteer in step with the area tables."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import selectors
from .models import Area, AreaAlias


@receiver([post_save, post_delete], sender=Area)
@receiver([post_save, post_delete], sender=AreaAlias)
def reset_gazetteer(**kwargs: object) -> None:
    selectors.reset_gazetteer()
