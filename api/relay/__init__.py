"""The log relayed into a message bus (NATS JetStream), exactly once, for downstream systems (docs/downstream.md)."""

#: Seconds a NATS server that has never answered is waited for before the relay gives up (`--connect-timeout`).
FIRST_CONNECT_SECONDS = 15.0
