"""projections/indexes"""
