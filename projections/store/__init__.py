"""projections/store"""
