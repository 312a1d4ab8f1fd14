"""``python -m api`` runs the ``timeline`` command."""

from api.cli import main

main()
