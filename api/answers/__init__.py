"""api/answers"""
