"""api/routes/market: questions about the whole market (board, changes, timeline, revisions, panel, statistics)"""
