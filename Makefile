# The portal's everyday commands. `make run` and `make test` set up what is missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

OBV := .venv-obverifier
OBV_STAMP := $(OBV)/.installed-stamp

.PHONY: install voikko run test bench lint format check compile messages migrate demo worker beat clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# Finnish search analyses words with Voikko (Debian's libvoikko1 and voikko-fi). Installed
# where apt-get may run; elsewhere the portal warns and Finnish falls back to stemming, and
# the search tests that need the dictionary say how to install it.
voikko:
	@ldconfig -p 2>/dev/null | grep -q libvoikko.so.1 && test -d /usr/lib/voikko || { \
		command -v apt-get >/dev/null && test "$$(id -u)" = 0 \
		&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvoikko1 voikko-fi >/dev/null; } \
		|| echo "Note: Voikko is not installed (apt-get install libvoikko1 voikko-fi): Finnish search falls back to stemming." >&2

# Compiled catalogues are built with Babel, so GNU gettext is not needed to run the portal.
compile: install
	@$(BIN)/pybabel compile --domain django --directory locale --statistics 2>&1 | grep -v "^$$" || true

migrate: install
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py seed_demo

# Links in e-mails and badges point where the portal is served, unless SITE_URL is set
# (in the environment or in .env).
RUN_SITE_URL = $(if $(or $(SITE_URL),$(shell grep -s '^SITE_URL=' .env)),,SITE_URL=http://$(HOST):$(PORT))

run: compile voikko demo
	@echo "Serving the portal on http://$(HOST):$(PORT)/"
	$(RUN_SITE_URL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The Open Badges reference verifier has old pins of its own: it gets its own venv.
$(OBV_STAMP): requirements-obverifier.lock
	@test -x $(OBV)/bin/python || $(PYTHON) -m venv $(OBV)
	$(OBV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-obverifier.lock
	@touch $(OBV_STAMP)

test: compile voikko $(OBV_STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# $(call stage,name,command): run a benchmark stage and say how long it took.
stage = @started=$$(date +%s); $(2); status=$$?; \
	echo "bench stage $(1): $$(( $$(date +%s) - started )) s"; exit $$status

# Benchmarks run on PostgreSQL and Redis, as in production; they are not part of `make test`.
# The network-sized data set is loaded first (once: `seed_scale` skips what is there and
# resumes an interrupted run; `manage.py seed_scale --clean` removes it).
bench: compile voikko
	@case "$$DATABASE_URL" in postgres*) ;; *) \
		echo "make bench needs PostgreSQL: set DATABASE_URL=postgres://..." >&2; exit 2 ;; esac
	@case "$$REDIS_URL" in redis*) ;; *) \
		echo "make bench needs Redis for its worker: set REDIS_URL=redis://..." >&2; exit 2 ;; esac
	@command -v wrk >/dev/null || apt-get install -y wrk >/dev/null || { \
		echo "make bench needs wrk: apt-get install wrk" >&2; exit 2; }
	$(BIN)/python manage.py migrate --no-input
	$(call stage,demo data,$(BIN)/python manage.py seed_demo >/dev/null)
	$(call stage,scale data,$(BIN)/python manage.py seed_scale)
	$(call stage,matching round,$(BIN)/python tests/bench/bench_matching.py)
	$(call stage,bulk awards,$(BIN)/python tests/bench/bench_bulk.py)
	$(call stage,yearly report,$(BIN)/python tests/bench/bench_report.py)
	$(call stage,key pages,$(BIN)/python tests/bench/bench_pages.py)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py check

# Re-extract the interface strings (needs GNU gettext: apt-get install gettext).
messages: install
	$(BIN)/python manage.py makemessages --no-obsolete --no-location \
		-l fi -l sv -l en -l et -l lt -l ru --ignore=.venv --ignore=var --ignore=tests

worker: install
	$(BIN)/celery -A network_portal worker --loglevel=INFO --queues=default,notifications,reports

beat: install
	$(BIN)/celery -A network_portal beat --loglevel=INFO --schedule=var/celerybeat-schedule

clean:
	rm -rf $(VENV) $(OBV) var/static
