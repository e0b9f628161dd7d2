"""The JSON Schema of the output record, shipped as package data."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def record_schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("record.schema.json").read_text("utf-8"))


def validator() -> Any:
    """A jsonschema validator for output lines (records and error records)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(record_schema())
