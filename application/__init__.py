"""The application layer: use cases over the domain, storage-agnostic."""
