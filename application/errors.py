"""Errors of the application layer that are not rules of the domain."""


class ConcurrencyConflict(RuntimeError):
    """Optimistic-concurrency conflicts persisted after the bounded retries."""
