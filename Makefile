# Two commands on a fresh machine with Python 3.11+ and make:
#   make run    create .venv, install (with the Debian packages the samples need: Tesseract for the
#               scanned one), parse the samples into out/, build the district spreadsheet and the review pages
#   make test   install what the tests need (Debian packages too) and run pytest (every test)
#   make test-fast  the tests not marked slow (under 90 s), while working
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui poppler-utils postgresql chromium chromium-driver
# install the Debian packages named in $$missing (a shell variable), with sudo when not root
APT_INSTALL := if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	    || echo "warning: could not install$$missing; what needs them is skipped or listed in errors"; \
	fi

.PHONY: run test test-fast install sample-deps system-deps clean bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

run: $(BIN)/.installed sample-deps
	@mkdir -p $(OUT)
	@# parse every sample (in parallel) into out/json/, import them into the store (exit 5 = some
	@# files failed, see out/errors.csv), then write the district spreadsheet
	@$(BIN)/parse-report batch samples --out $(OUT) --db $(OUT)/district.sqlite; rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 5 ]
	$(BIN)/parse-report aggregate --db $(OUT)/district.sqlite -o $(OUT)/district.xlsx
	@# the review pages: one per stored report with an index, and the sample PDF's own page
	$(BIN)/parse-report review --db $(OUT)/district.sqlite -o $(OUT)/review
	$(BIN)/parse-report review samples/le-hong-2022-h1.pdf -o $(OUT)/review/le-hong-2022-h1.pdf.html
	@echo "JSON per report: $(OUT)/json/   store: $(OUT)/district.sqlite   spreadsheet: $(OUT)/district.xlsx   review: $(OUT)/review/"

# Debian packages the samples need: Tesseract and its Vietnamese model for the scanned one
sample-deps:
	@missing=""; \
	command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie || missing="$$missing tesseract-ocr tesseract-ocr-vie"; \
	$(APT_INSTALL)

# Debian packages for the tests beyond the samples': .doc/.odt (LibreOffice), PDF rendering
# (poppler-utils), the throw-away PostgreSQL server (postgresql: initdb/pg_ctl live in
# /usr/lib/postgresql/*/bin) and the review page's browser tests (chromium, chromium-driver:
# Debian's headless Chromium and its driver, no browser download); installed when missing.
system-deps: sample-deps
	@missing=""; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v chromium >/dev/null && command -v chromedriver >/dev/null || missing="$$missing chromium chromium-driver"; \
	$(APT_INSTALL)

test: $(BIN)/.installed system-deps
	$(BIN)/python -m pytest -q

# everything but the tests marked slow (OCR, the 60-report district batch, the fuzzing): under 90 s
test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest -q -m "not slow"

bench: $(BIN)/.installed
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(OUT) .pytest_cache build dist
