from django.apps import AppConfig


class CareNotesConfig(AppConfig):
    name = "peersupport.carenotes"
    label = "carenotes"
    verbose_name = "Notes for my care team"
