from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturnsConfig(AppConfig):
    name = "antislavery.returns"
    label = "returns"
    verbose_name = _("Requests and responses")

    def ready(self) -> None:
        from antislavery.core.sections import register_area_section

        from .views.sections import area_section

        register_area_section(order=40, template="returns/_area_section.html",
                              context=area_section)
