"""``python -m qagraph`` and the ``qagraph`` command: the command line of :mod:`qagraph.cli`.

Ctrl-C while the command line is still being imported (a cold start imports some 150
modules) ends it as Ctrl-C later does: one line and exit 130, not a traceback. So this
module imports nothing of qagraph's before it guards the import of the command line, and
``import qagraph``, which Python runs first, imports nothing but the version.
"""

import sys


def main() -> None:
    """The ``qagraph`` command (the console script's entry point)."""
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        raise _interrupted() from None
    run()


def _interrupted() -> SystemExit:
    """Say that the command was interrupted before it ran: the exit with the interrupted exit code."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C cannot interrupt the ending
    from .errors import EXIT_CODES, INTERRUPTED_STARTING

    print(INTERRUPTED_STARTING, file=sys.stderr)
    return SystemExit(EXIT_CODES["interrupted"])


if __name__ == "__main__":
    main()
