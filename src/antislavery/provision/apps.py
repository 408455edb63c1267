from django.apps import AppConfig


class ProvisionConfig(AppConfig):
    name = "antislavery.provision"
    label = "provision"
