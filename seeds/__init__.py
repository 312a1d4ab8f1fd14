"""The curated facts of the seed articles, and the loader that records them."""
