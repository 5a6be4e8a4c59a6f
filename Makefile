# Two entry points, as the README says:
#   pip install -e . && lsdocs build     (main job on the shipped content)
#   make test                            (everything the tests need, then the tests)

PYTHON ?= python3

.PHONY: test system-deps templates bench messages messages-check

test: system-deps
	$(PYTHON) -m pip install -q -e ".[test]"
	$(PYTHON) -m pytest -n 2

# LibreOffice Writer and Calc (re-save, page-image, PDF and printed-workbook tests), poppler
# (pdftoppm, pdftotext, pdfinfo) and Liberation 2
# fonts (metric-compatible with Times New Roman, with the Vietnamese glyphs).
system-deps:
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
	    || ! dpkg -s libreoffice-calc >/dev/null 2>&1 \
	    || [ ! -d /usr/share/fonts/truetype/liberation2 ]; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  pkgs="libreoffice-writer libreoffice-calc poppler-utils fonts-liberation2"; \
	  apt-get install -y -q --no-install-recommends $$pkgs \
	    || { apt-get update -q && apt-get install -y -q --no-install-recommends $$pkgs; }; \
	fi

# Rewrite templates/*.docx from tools/make_templates.py (discards edits made in Word).
templates:
	$(PYTHON) -m tools.make_templates

bench:
	$(PYTHON) bench/bench_batch.py
	$(PYTHON) bench/bench_check.py

# Message catalogs (Vietnamese msgids, English in lsdocs/locale/en/LC_MESSAGES/lsdocs.po;
# click's texts in Vietnamese in lsdocs/locale/vi/LC_MESSAGES/click.po).  The msgids are
# what `pybabel extract --no-default-keywords -k T -F babel.cfg lsdocs` sees, plus the
# command line's help (walked by tools/i18n_codemod.py).  New messages without English
# are listed; write their msgstr in lsdocs.po.  `make messages-check` is the CI gate.
messages:
	mkdir -p build
	$(PYTHON) -m babel.messages.frontend extract --no-default-keywords -k T -F babel.cfg \
	    -o build/lsdocs.pot lsdocs
	$(PYTHON) -m tools.i18n_codemod --catalog-only
	$(PYTHON) -m tools.click_catalog
	$(PYTHON) -c "from lsdocs.i18n import compile_all; compile_all()"

messages-check:
	$(PYTHON) -m tools.i18n_codemod --check
	$(PYTHON) -m tools.click_catalog --check
