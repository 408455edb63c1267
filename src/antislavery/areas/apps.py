from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "antislavery.areas"
    label = "areas"
    verbose_name = _("Areas and organisations")

    def ready(self) -> None:
        from . import signals  # noqa: F401 -- connects the gazetteer cache reset
