"""tests/application/transfer"""
