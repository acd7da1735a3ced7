"""The one place that reads the environment (and an optional .env file)."""

from pathlib import Path

import environ

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/hamaynk
REPO_DIR = PACKAGE_DIR.parent.parent

env = environ.Env()
if (REPO_DIR / ".env").is_file():
    environ.Env.read_env(REPO_DIR / ".env")
