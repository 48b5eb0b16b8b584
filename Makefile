# Thin entry points; the work is in scripts/.
.PHONY: demo test lint format e2e bench lock messages schema screenshots

demo:      ## set up everything, load the demo municipality and serve it on http://127.0.0.1:8000 (another port: PORT=8011 make demo)
	@bash scripts/demo.sh

test:      ## set up everything and run the whole test suite on SQLite (browser tests when Chromium exists)
	@bash scripts/test.sh

e2e:       ## only the browser tests
	@bash scripts/test.sh -m e2e

lint:
	@bash scripts/bootstrap.sh >/dev/null && .venv/bin/ruff check . && .venv/bin/ruff format --check .

format:
	@.venv/bin/ruff format . && .venv/bin/ruff check --fix .

bench:     ## synthetic national dataset on PostgreSQL, page/job/load benchmarks with budgets (docs/performance.md)
	@bash scripts/bench.sh

lock:      ## re-pin the Python dependencies after editing requirements/*.in
	@cd requirements && ../.venv/bin/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links base.in -o base.txt && ../.venv/bin/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links dev.in -o dev.txt

messages:  ## refresh the English translation catalogue (needs GNU gettext)
	@cd src/samenwerk && ../../.venv/bin/python ../../manage.py makemessages -l en --no-obsolete && ../../.venv/bin/python ../../manage.py compilemessages -l en

schema:    ## regenerate the committed OpenAPI schema
	@.venv/bin/python manage.py spectacular --file docs/api/openapi.yaml --validate

screenshots: ## regenerate docs/screenshots with Debian's Chromium
	@.venv/bin/python scripts/screenshots.py
