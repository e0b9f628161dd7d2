"""Package data, installed as ``pipeline.configs``: the default config, lists, KB seeds (see setup.py)."""
