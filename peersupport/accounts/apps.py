from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.urls import register_converter


class AccountsConfig(AppConfig):
    name = "peersupport.accounts"
    label = "accounts"
    verbose_name = "Members"

    def ready(self):
        from .pseudonyms import PseudonymConverter
        from .sessions import record_session
        from .visits import note_sign_in

        register_converter(PseudonymConverter, "pseudonym")
        user_logged_in.connect(record_session, dispatch_uid="accounts.record_session")
        user_logged_in.connect(note_sign_in, dispatch_uid="accounts.note_sign_in")
