"""The one exception every app raises when it refuses what someone asked: nothing was
changed, and `message` says why, kindly, to the person shown it."""


class Refused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message
