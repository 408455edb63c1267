from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "antislavery.themes"
    label = "themes"
