from peersupport.refusals import Refused


class PostingRefused(Refused):
    """A kind, plain explanation of why nothing was posted or changed."""
