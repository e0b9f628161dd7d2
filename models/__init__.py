"""Package data, installed as ``pipeline.models``: trained models and the knowledge base (see setup.py)."""
