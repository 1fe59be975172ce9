"""``python -m corpus_tools``: the ``corpus-tools`` command (:mod:`corpus_tools.runner.cli`)."""

import sys

from corpus_tools.runner.cli import main

if __name__ == "__main__":
    sys.exit(main())
