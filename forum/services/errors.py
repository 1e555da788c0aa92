class PostingRefused(Exception):
    """A kind, plain explanation of why nothing was posted or changed."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
