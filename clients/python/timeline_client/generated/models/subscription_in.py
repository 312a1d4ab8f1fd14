from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SubscriptionIn")



@_attrs_define
class SubscriptionIn:
    """ A standing query: tell ``url``, by a webhook signed with ``secret``, whenever ``query``'s answer changes.

        Attributes:
            query (str): A read path of this service with its parameters
            url (str): Where to POST the changes
            secret (str): Signs every delivery (HMAC-SHA256); 16 to 256 printable ASCII characters; never shown again
     """

    query: str
    url: str
    secret: str





    def to_dict(self) -> dict[str, Any]:
        query = self.query

        url = self.url

        secret = self.secret


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "query": query,
            "url": url,
            "secret": secret,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        query = d.pop("query")

        url = d.pop("url")

        secret = d.pop("secret")

        subscription_in = cls(
            query=query,
            url=url,
            secret=secret,
        )

        return subscription_in

