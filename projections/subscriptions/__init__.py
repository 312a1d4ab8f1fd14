"""projections/subscriptions: standing queries, their changes and the bookkeeping of their deliveries"""
