"""``python -m regionallabor``: the command line."""

from regionallabor.cli import main

main()
