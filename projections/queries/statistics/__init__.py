"""projections/queries/statistics"""
