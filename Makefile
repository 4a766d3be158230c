# Two commands do all the set-up on a fresh machine:
#   make demo   builds the graph of the bundled content/ into build/
#   make test   installs what the tests need (Chromium included) and runs them
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
OUT     ?= build

.PHONY: demo test install install-test browser rdf-tools bench clean

$(BIN)/qagraph: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/python -m compileall -q qagraph  # an editable install is not byte-compiled by pip
	touch $@

install: $(BIN)/qagraph

demo: install
	$(BIN)/qagraph build -c content -o $(OUT)
	@echo "open $(OUT)/index.html in a browser; RDF is in $(OUT)/rdf/"

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's RDF parsers: the tests read every written format with raptor2 (rapper) and serd (serdi)
rdf-tools:
	@command -v rapper >/dev/null 2>&1 && command -v serdi >/dev/null 2>&1 || { \
	  echo "installing Debian's raptor2-utils and serdi for the RDF tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq raptor2-utils serdi >/dev/null; }

test: install browser rdf-tools
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(OUT) $(VENV) bench/out *.egg-info
