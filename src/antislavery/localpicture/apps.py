from typing import Any

from django.apps import AppConfig


def _area_section(request: Any, area: Any) -> Any:
    # Imported on first use: the charts bring in Altair, which commands need not load.
    from .views_picture import area_section

    return area_section(request, area)


class LocalpictureConfig(AppConfig):
    name = "antislavery.localpicture"
    label = "localpicture"

    def ready(self) -> None:
        from antislavery.core.sections import register_area_section

        register_area_section(order=10, template="localpicture/_area_section.html",
                              context=_area_section)
