"""The read models and the log written out as files for analysis (Parquet), addressed by log position."""
