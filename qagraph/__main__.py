"""``python -m qagraph``: the same command line as ``qagraph``."""

from .cli import main

if __name__ == "__main__":
    main()
