# newsfacts: `make run` (set-up + the sample corpus), `make test` (set-up + all tests, slow ones included).
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install run test clean

install: $(STAMP)

$(STAMP): pyproject.toml setup.py
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or: make PYTHON=python3)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev,ray,transformers]'
	touch $(STAMP)

run: install
	$(VENV)/bin/newsfacts run corpus/samples -o out/samples.jsonl --stats out/samples.stats.json

test: install
	$(PY) -m pytest -q --runslow

clean:
	rm -rf $(VENV) out .pytest_cache
