"""application/transfer"""
