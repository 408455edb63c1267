from django.apps import AppConfig


class ProvisionConfig(AppConfig):
    name = "antislavery.provision"
    label = "provision"

    def ready(self) -> None:
        from django.core.signals import request_started
        from django.db.models.signals import post_save

        from antislavery.core.sections import register_area_section
        from antislavery.themes.models import CodebookEntry

        from .codes import forget_codebook
        from .sections import area_section

        register_area_section(order=50, template="provision/_area_section.html",
                              context=area_section)
        request_started.connect(forget_codebook, dispatch_uid="provision-codebook-request")
        post_save.connect(forget_codebook, sender=CodebookEntry,
                          dispatch_uid="provision-codebook-change")
