"""application/storage"""
