"""``python -m api`` runs the ``timeline`` command."""

from api.cli.main import main

main()
