"""Validation against third-party evaluation data (``make validate``).

Each module here (``cleaning``, ``sentiment``, ``keywords``, ``framing``, ``targets`` ...)
exposes ``run(eval_dir: pathlib.Path) -> bool``: it prints its figures and returns False only on a
clear regression (a threshold it documents). The evaluation texts are read from
``eval_dir`` at run time and never copied into the project; ``targets`` (tone toward a target)
reads the labelled sentences the project wrote itself, shipped in ``validation/data/``.
"""
