"""``python -m report_parser`` is the ``parse-report`` command."""
import sys

from .cli_run import main

sys.exit(main())
