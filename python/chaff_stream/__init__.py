"""Run chaff as a tagger inside data pipelines, with the standard library only.

One ``chaff stream`` process is kept per worker process (``shared_tagger``) and fed JSON Lines
through a pipe; ``Tagger.tag(documents)`` yields one record per document, in order:

    {"id": ..., "findings": [{"rule", "severity", "message", "byteStart", "byteEnd",
     "charStart", "charEnd", "match", "fix"?}], "signals": {...}, ...other members}

``charStart``/``charEnd`` index the Python ``str`` directly: ``text[f["charStart"]:f["charEnd"]]``
is the finding's match. See docs/scale.md for the record format and the adapters in
``chaff_stream.spark`` (PySpark ``mapPartitions``) and ``chaff_stream.datatrove`` (a pipeline step).
"""

import atexit
import json
import os
import shutil
import subprocess
import threading

__all__ = ["Tagger", "ChaffStreamError", "shared_tagger", "tag"]


class ChaffStreamError(RuntimeError):
    """chaff could not be started, stopped early, or answered a document with an error record."""


def _find_chaff(chaff):
    binary = chaff or os.environ.get("CHAFF") or shutil.which("chaff")
    if not binary:
        raise ChaffStreamError("chaff not found: pass chaff=PATH, set CHAFF, or put chaff on PATH")
    return binary


class Tagger:
    """One ``chaff stream`` process, reused for every ``tag`` call until ``close``.

    ``args`` are extra options of ``chaff stream`` (``["--select", "placeholder"]``,
    ``["--config", "path/.chaff.json"]``, ``["-j", "1"]``).
    """

    def __init__(self, chaff=None, args=()):
        self.command = [_find_chaff(chaff), "stream", *args]
        self._process = subprocess.Popen(
            self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=1 << 16)
        self._lock = threading.Lock()

    def tag(self, documents, on_error="raise"):
        """Yields the record of each document (a dict with ``id`` and ``text``, optionally
        ``format`` and ``language``; other JSON members are passed through), in order.

        An error record (a document chaff cannot read) raises ``ChaffStreamError`` with
        ``on_error="raise"`` and is yielded as it is with ``on_error="keep"``.
        """
        if on_error not in ("raise", "keep"):
            raise ValueError("on_error must be 'raise' or 'keep'")
        # One stream at a time: records come back in the order documents went in, so two
        # interleaved calls would take each other's records.
        if not self._lock.acquire(blocking=False):
            raise ChaffStreamError("this Tagger is already tagging; use one Tagger per concurrent caller")
        try:
            yield from self._tag(documents, on_error)
        finally:
            self._lock.release()

    def _tag(self, documents, on_error):
        process = self._process
        if process.poll() is not None:
            raise ChaffStreamError(f"chaff stream has exited with status {process.returncode}")
        state = {"sent": 0, "done": False, "stop": False, "failure": None}
        ready = threading.Condition()

        def write():
            # A thread of its own: chaff answers while it reads, so writing everything before
            # reading would fill both pipes and stop both processes.
            try:
                for document in documents:
                    if state["stop"]:
                        break
                    line = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
                    process.stdin.write(line.encode("utf-8") + b"\n")
                    with ready:
                        state["sent"] += 1
                        ready.notify()
                process.stdin.flush()
            except BaseException as error:  # reported to the reading side
                state["failure"] = error
            finally:
                with ready:
                    state["done"] = True
                    ready.notify()

        def next_line():
            """The next record's line, or None once every document sent is answered."""
            with ready:
                while received >= state["sent"] and not state["done"]:
                    ready.wait()
                if received >= state["sent"]:
                    return None
            line = process.stdout.readline()
            if not line:
                raise ChaffStreamError(f"chaff stream stopped after {received} records (status {process.wait()})")
            return line

        writer = threading.Thread(target=write, name="chaff-stream-writer", daemon=True)
        writer.start()
        received = 0
        try:
            while (line := next_line()) is not None:
                received += 1
                record = json.loads(line)
                if "error" in record and on_error == "raise":
                    error = record["error"]
                    raise ChaffStreamError(
                        f"document {record.get('id')!r}: column {error['column']}: {error['message']}")
                yield record
        finally:
            # A caller that stopped early leaves records in the pipe: read them (while the
            # writer stops) so that the next call starts in step.
            state["stop"] = True
            while next_line() is not None:
                received += 1
            writer.join()
        if state["failure"] is not None:
            raise state["failure"]

    def close(self):
        """Ends the chaff process; returns its exit status."""
        process = self._process
        if process.stdin and not process.stdin.closed:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass
        process.stdout.read()
        process.stdout.close()
        return process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_shared = {}
_shared_lock = threading.Lock()


def shared_tagger(chaff=None, args=()):
    """The ``Tagger`` of this process for these options, started on first use and closed at
    exit: one chaff process per worker, however many partitions or tasks the worker runs."""
    key = (os.getpid(), chaff or os.environ.get("CHAFF"), tuple(args))
    with _shared_lock:
        tagger = _shared.get(key)
        if tagger is None or tagger._process.poll() is not None:
            tagger = Tagger(chaff=chaff, args=args)
            _shared[key] = tagger
        return tagger


def tag(documents, chaff=None, args=(), on_error="raise"):
    """``shared_tagger(chaff, args).tag(documents, on_error)``."""
    return shared_tagger(chaff, args).tag(documents, on_error=on_error)


@atexit.register
def _close_shared():
    for key, tagger in list(_shared.items()):
        if key[0] == os.getpid():
            try:
                tagger.close()
            except Exception:
                pass
