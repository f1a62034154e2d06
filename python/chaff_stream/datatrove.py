"""datatrove adapter: a pipeline step that tags each document with chaff.

    from chaff_stream.datatrove import ChaffTagger
    pipeline = [JsonlReader("in/"), ChaffTagger(), JsonlWriter("out/")]

Each document gets ``metadata["chaff"]``: ``{"findings": [...], "signals": {...}}`` as
``chaff stream`` gives them (spans index ``document.text`` in code points). Filtering is left
to the next step (``LambdaFilter(lambda d: not d.metadata["chaff"]["findings"])``), so that the
tags can also be kept as attributes.
"""

from collections import deque

from datatrove.pipeline.base import PipelineStep

from . import shared_tagger


class ChaffTagger(PipelineStep):
    """Adds chaff's findings and signals to each document's metadata."""

    name = "chaff"
    type = "TAGGER"

    def __init__(self, chaff=None, args=(), metadata_key="chaff"):
        super().__init__()
        self.chaff = chaff
        self.args = tuple(args)
        self.metadata_key = metadata_key

    def run(self, data, rank=0, world_size=1):
        if data is None:
            return
        tagger = shared_tagger(self.chaff, self.args)
        in_flight = deque()

        def documents():
            for document in data:
                in_flight.append(document)
                record = {"id": document.id, "text": document.text}
                # JsonlReader puts a record's other keys in the metadata: its format among them.
                if isinstance(document.metadata.get("format"), str):
                    record["format"] = document.metadata["format"]
                yield record

        for record in tagger.tag(documents()):
            document = in_flight.popleft()
            document.metadata[self.metadata_key] = {"findings": record["findings"], "signals": record["signals"]}
            self.stat_update("findings", value=len(record["findings"]))
            self.stat_update("documents")
            yield document
