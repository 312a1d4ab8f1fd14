"""tests/projections/queries/statistics"""
