from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class AccountsConfig(AppConfig):
    name = "peersupport.accounts"
    label = "accounts"
    verbose_name = "Members"

    def ready(self):
        from .sessions import record_session

        user_logged_in.connect(record_session, dispatch_uid="accounts.record_session")
