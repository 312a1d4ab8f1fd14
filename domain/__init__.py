"""The pure domain: value objects, fact vocabulary and aggregates.

Imports only the standard library and ``eventsourcing.domain``.
"""
