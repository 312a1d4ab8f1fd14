"""Measurements (not tests): run them by hand or from `make`; they print tables."""
