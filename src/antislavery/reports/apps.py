from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "antislavery.reports"
    label = "reports"
