"""A network-sized data set for measuring the portal: ``manage.py seed_scale``.

Every row is inserted in bulk. Each stage runs in one transaction, so a stage is either
all there or not there at all: running the command again after an interruption skips the
stages that are done and carries on with the first one that is not. ``--clean`` removes
everything the command made, and nothing else: its people have addresses at
``@scale.test`` and its organisations, sectors and programmes are tagged in their slug or
name.

The content comes from one random seed, so two runs with the same seed and sizes on the
same day make the same network. Dates are relative to the day it runs, so offers are open
and the last year has activity whatever the day.
"""

from .base import DEFAULTS, DOMAIN, SMALLEST, TAG, ScaleError
from .clean import clean
from .seeder import Seeder

__all__ = ["DEFAULTS", "DOMAIN", "SMALLEST", "TAG", "ScaleError", "Seeder", "clean"]
