from django.apps import AppConfig


class LocalpictureConfig(AppConfig):
    name = "antislavery.localpicture"
    label = "localpicture"
