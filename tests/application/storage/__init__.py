"""tests/application/storage"""
