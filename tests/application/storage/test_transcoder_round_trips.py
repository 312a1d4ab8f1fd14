"""The transcoder keeps any JSON value a client may send, including dicts shaped like its own envelope."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from application.storage.transcoder import timeline_transcoder
from domain.money import Money

KEYS = st.one_of(st.sampled_from(["_type_", "_data_", "dict_items", "money", "decimal_str"]), st.text(max_size=8))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(exclude_categories=["Cs"])),  # lone surrogates are refused at the boundary
)
JSON = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(KEYS, children, max_size=4),
        st.fixed_dictionaries({"_type_": children, "_data_": children}),
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(JSON)
def test_every_json_value_decodes_to_what_was_encoded(value):
    transcoder = timeline_transcoder()
    assert transcoder.decode(transcoder.encode(value)) == value


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(KEYS, st.decimals(min_value=-(10**12), max_value=10**12, places=2), max_size=3))
def test_value_objects_inside_client_keyed_dicts_survive(metrics):
    transcoder = timeline_transcoder()
    value = {key: Money(Decimal(amount), "CNY") for key, amount in metrics.items()}  # type: ignore[arg-type]
    assert transcoder.decode(transcoder.encode({"metrics": value})) == {"metrics": value}


def test_an_envelope_shaped_dict_is_stored_escaped_not_bare():
    encoded = timeline_transcoder().encode({"_type_": "money", "_data_": ["1", "CNY"]})
    assert encoded.startswith(b'{"_type_":"dict_items"')
