"""The log relayed into a message bus (NATS JetStream), exactly once, for downstream systems (docs/downstream.md)."""
