"""domain/dates"""
