#!/usr/bin/env python3
"""Validates a JSON document against a JSON Schema: validate-json-schema.py SCHEMA DOCUMENT.

Used by the test suite for SARIF output; needs the `jsonschema` package (.ci/run installs it).
"""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, document_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(document_path, encoding="utf-8") as f:
        document = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    errors = sorted(validator_class(schema).iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        print(f"{'/'.join(map(str, error.path)) or '<root>'}: {error.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
