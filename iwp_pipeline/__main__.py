"""``python -m iwp_pipeline`` runs the ``iwp`` command."""

from iwp_pipeline.cli import main

main()
