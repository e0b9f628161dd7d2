"""Maps the repository's top-level ``configs/`` and ``models/`` onto the packages
``pipeline.configs`` and ``pipeline.models`` (package data read with importlib.resources).
Everything else about the package is in pyproject.toml."""
from setuptools import find_namespace_packages, setup

DATA_PACKAGES = {"pipeline.configs": "configs", "pipeline.models": "models"}

setup(packages=find_namespace_packages(include=["pipeline", "pipeline.*"], exclude=["*.__pycache__"])
      + list(DATA_PACKAGES),
      package_dir=DATA_PACKAGES)
