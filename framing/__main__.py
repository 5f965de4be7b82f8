import sys

from framing.cli import main

# guarded: worker processes started with "spawn" (Dask's nannies) import this module again
if __name__ == "__main__":
    sys.exit(main())
