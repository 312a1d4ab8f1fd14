
""" A client library for accessing Hard-tech listing pipeline timeline """
from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
