"""Adapters for the exchanges' own lists: snapshots of their status tables read into stage facts."""
