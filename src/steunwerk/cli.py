"""The `steunwerk` console command: Django's manage.py with our settings."""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steunwerk.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    execute_from_command_line(["steunwerk", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
