"""Evaluation: readers for public NER sets, conversion to gold JSONL, the scorer and its reports."""
