"""projections/timeline"""
