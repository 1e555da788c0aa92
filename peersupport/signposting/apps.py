from django.apps import AppConfig


class SignpostingConfig(AppConfig):
    name = "peersupport.signposting"
    label = "signposting"
    verbose_name = "Crisis signposting"

    def ready(self):
        from . import signals  # noqa: F401
