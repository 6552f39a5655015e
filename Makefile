# Two commands on a fresh machine with Python 3.11+ and make:
#   make run    create .venv, install, parse the samples into out/ and build the district spreadsheet
#   make test   install what the tests need (Debian packages too) and run pytest (every test)
#   make test-fast  the tests not marked slow (under 90 s), while working
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui poppler-utils postgresql

.PHONY: run test test-fast install system-deps clean bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

run: $(BIN)/.installed
	@mkdir -p $(OUT)
	@# parse every sample (in parallel) into out/json/, import them into the store (exit 5 = some
	@# files failed, see out/errors.csv), then write the district spreadsheet
	@$(BIN)/parse-report batch samples --out $(OUT) --db $(OUT)/district.sqlite; rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 5 ]
	$(BIN)/parse-report aggregate --db $(OUT)/district.sqlite -o $(OUT)/district.xlsx
	@echo "JSON per report: $(OUT)/json/   store: $(OUT)/district.sqlite   spreadsheet: $(OUT)/district.xlsx"

# Debian packages for OCR (tesseract + Vietnamese model), .doc/.odt (LibreOffice),
# PDF rendering in tests (poppler-utils) and the tests' throw-away PostgreSQL server
# (postgresql: initdb/pg_ctl live in /usr/lib/postgresql/*/bin); installed with apt-get when missing.
system-deps:
	@missing=""; \
	command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie || missing="$$missing tesseract-ocr tesseract-ocr-vie"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	    || echo "warning: could not install$$missing; tests that need them are skipped"; \
	fi

test: $(BIN)/.installed system-deps
	$(BIN)/python -m pytest -q

# everything but the tests marked slow (OCR, the 60-report district batch, the fuzzing): under 90 s
test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest -q -m "not slow"

bench: $(BIN)/.installed
	$(BIN)/python bench/bench_batch.py

clean:
	rm -rf $(OUT) .pytest_cache build dist
