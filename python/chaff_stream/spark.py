"""PySpark adapter: ``rdd.mapPartitions(tag_partition)``.

Each Python worker keeps one ``chaff stream`` process (``shared_tagger``), fed the partition's
rows as they come; the records come back in the partition's order. Rows are ``Row`` objects or
dicts with ``id`` and ``text`` (and optionally ``format``, ``language``)::

    from chaff_stream.spark import tag_partition
    tagged = spark.read.json("docs.jsonl").rdd.mapPartitions(tag_partition)
"""

from . import shared_tagger

_FIELDS = ("id", "text", "format", "language")


def _document(row):
    fields = row.asDict() if hasattr(row, "asDict") else row
    return {key: fields[key] for key in _FIELDS if fields.get(key) is not None}


def tag_partition(rows, chaff=None, args=(), on_error="raise"):
    """Yields the chaff record (a dict) of each row of one partition, in order."""
    return shared_tagger(chaff, args).tag((_document(row) for row in rows), on_error=on_error)
