"""``python -m tuningdeck``: the command line."""

from tuningdeck.cli import main

main()
