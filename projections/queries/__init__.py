"""projections/queries"""
