from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "antislavery.api"
    label = "api"
