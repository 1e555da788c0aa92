from peersupport.refusals import Refused


class PostingRefused(Refused):
    """A kind, plain explanation of why nothing was posted or changed."""


class CircleRefused(Refused):
    """Why a change to a small circle was not made, said kindly."""
