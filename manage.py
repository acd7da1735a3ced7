#!/usr/bin/env python
"""Django's command-line utility for Hamaynk."""

import os
import sys
from pathlib import Path


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamaynk.config.settings")
    if not os.environ.get("SECRET_KEY"):
        # A checkout with no configuration is a developer's machine: run commands in the
        # demo mode that `make demo` uses. A deployment sets SECRET_KEY (and DEBUG stays off);
        # the web server (wsgi) never takes this default.
        os.environ.setdefault("DEBUG", "on")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
