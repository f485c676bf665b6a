"""``python -m corroborate ARGS``: runs the command-line tool installed with the package, for
when its scripts directory is not on PATH (a notebook's ``!python -m corroborate compare …``)."""

import os
import subprocess
import sys

from ._api import executable


def main() -> int:
    exe = executable()
    if os.name == "posix":
        os.execv(exe, [exe, *sys.argv[1:]])
    return subprocess.call([exe, *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
