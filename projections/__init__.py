"""Read models rebuilt from the event log, with tracking; as-of queries."""
