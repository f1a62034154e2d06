"""Tests of python/chaff_stream against a real chaff binary (CHAFF=path/to/chaff).

    CHAFF=.build/debug/chaff python3 -B python/tests/test_chaff_stream.py
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import chaff_stream  # noqa: E402
from chaff_stream.spark import tag_partition  # noqa: E402

ARGS = ["--no-config", "--select", "placeholder-spintax"]


class TaggerTests(unittest.TestCase):
    def setUp(self):
        self.tagger = chaff_stream.Tagger(args=ARGS)

    def tearDown(self):
        self.tagger.close()

    def test_records_come_back_in_order_with_code_point_spans(self):
        documents = [{"id": n, "text": "😀" * (n % 5) + " {a|b} " * (n % 3)} for n in range(3000)]
        records = list(self.tagger.tag(documents))
        self.assertEqual([r["id"] for r in records], list(range(3000)))
        for document, record in zip(documents, records):
            self.assertEqual(len(record["findings"]), document["id"] % 3)
            for finding in record["findings"]:
                self.assertEqual(document["text"][finding["charStart"]:finding["charEnd"]], "{a|b}")
                self.assertEqual(len(document["text"][:finding["charStart"]].encode()), finding["byteStart"])

    def test_an_error_record_raises_or_is_kept(self):
        with self.assertRaisesRegex(chaff_stream.ChaffStreamError, r"document 'x': column 1: the record has no 'text'"):
            list(self.tagger.tag([{"id": "x"}]))
        kept = list(self.tagger.tag([{"id": "y"}, {"id": "z", "text": "{a|b}"}], on_error="keep"))
        self.assertEqual(kept[0]["error"]["message"], "the record has no 'text'")
        self.assertEqual(kept[1]["findings"][0]["match"], "{a|b}")

    def test_a_caller_that_stops_early_leaves_the_process_in_step(self):
        records = self.tagger.tag({"id": n, "text": "{a|b}"} for n in range(5000))
        self.assertEqual(next(records)["id"], 0)
        records.close()
        self.assertEqual([r["id"] for r in self.tagger.tag([{"id": "next", "text": "x"}])], ["next"])

    def test_one_stream_at_a_time(self):
        first = self.tagger.tag([{"id": 1, "text": "x"}, {"id": 2, "text": "y"}])
        next(first)
        with self.assertRaisesRegex(chaff_stream.ChaffStreamError, "already tagging"):
            next(self.tagger.tag([{"id": 3, "text": "z"}]))
        self.assertEqual([r["id"] for r in first], [2])

    def test_spark_rows_and_dicts_are_read_alike(self):
        class Row:
            def __init__(self, **fields):
                self.fields = fields

            def asDict(self):
                return self.fields

        rows = [Row(id="r", text="{a|b}", extra=object()), {"id": "d", "text": "<p>{a|b}</p>", "format": "html"}]
        records = list(tag_partition(rows, args=ARGS))
        self.assertEqual([(r["id"], r["findings"][0]["charStart"]) for r in records], [("r", 0), ("d", 3)])
        self.assertEqual(records[1]["format"], "html")


class SharedTaggerTests(unittest.TestCase):
    def test_one_process_per_worker_and_options(self):
        self.assertIs(chaff_stream.shared_tagger(args=ARGS), chaff_stream.shared_tagger(args=ARGS))
        self.assertIsNot(chaff_stream.shared_tagger(args=ARGS), chaff_stream.shared_tagger(args=["--no-config"]))

    def test_a_missing_binary_is_reported(self):
        with self.assertRaisesRegex(chaff_stream.ChaffStreamError, "chaff not found"):
            saved = os.environ.pop("CHAFF", None)
            path = os.environ.get("PATH", "")
            os.environ["PATH"] = ""
            try:
                chaff_stream.Tagger()
            finally:
                os.environ["PATH"] = path
                if saved is not None:
                    os.environ["CHAFF"] = saved


if __name__ == "__main__":
    unittest.main()
