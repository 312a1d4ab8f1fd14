"""tests/domain/dates"""
