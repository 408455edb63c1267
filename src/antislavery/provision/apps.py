from django.apps import AppConfig


class ProvisionConfig(AppConfig):
    name = "antislavery.provision"
    label = "provision"

    def ready(self) -> None:
        from antislavery.core.sections import register_area_section

        from .sections import area_section

        register_area_section(order=50, template="provision/_area_section.html",
                              context=area_section)
