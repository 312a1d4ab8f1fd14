"""A typed client of the hard-tech listing pipeline timeline.

``timeline_client.generated`` is made by openapi-python-client from the service's /openapi.json (``make client``;
never edited by hand); this package adds a small layer over it: one ``Client`` holding the base URL and token,
the three clocks as keyword arguments, ``.to_pandas()`` on list answers and the panel as an Arrow table.
"""

from timeline_client.client import Client
from timeline_client.errors import ApiError
from timeline_client.listing import Listing

__all__ = ["ApiError", "Client", "Listing"]
