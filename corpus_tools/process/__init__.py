"""Process a corpus once, read it many times: a cache of processed documents in Parquet.

- :mod:`~corpus_tools.process.keys`: cache keys (documents, parameters, code), ``CACHE_VERSION``.
- :mod:`~corpus_tools.process.store`: the Parquet files of a stage (``PartitionStore``).
- :mod:`~corpus_tools.process.engine`: where partitions run: this process, ``jobs`` processes,
  or a Dask cluster (``run_tasks``).
- :mod:`~corpus_tools.process.stages`: the per-document work of each stage.
- :mod:`~corpus_tools.process.build`: ``build_processed``, ``read_processed``, ``ProcessedCorpus``.
"""

from corpus_tools.process.build import PARTITION_SIZE, ProcessedCorpus, build_processed, read_processed
from corpus_tools.process.keys import CACHE_VERSION

__all__ = ["ProcessedCorpus", "build_processed", "read_processed", "PARTITION_SIZE", "CACHE_VERSION"]
