from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "antislavery.returns"
    label = "returns"
