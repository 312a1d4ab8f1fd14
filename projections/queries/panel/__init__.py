"""The backtest panel: what it asks (asking.py) and the arrays that answer it (arrays.py)."""
