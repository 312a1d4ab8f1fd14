"""The edge: settings, composition root, HTTP API and CLI."""
