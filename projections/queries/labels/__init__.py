"""projections/queries/labels: what rows carry beside an answer (a company's names and codes, a source's citation)"""
