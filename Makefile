# Ung Veileder: `make run` starts everything, `make test` checks everything.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

BOT_PY     := .venvs/bot/bin/python
SERVICE_PY := .venvs/service/bin/python
RASA       := RASA_TELEMETRY_ENABLED=false PYTHONPATH=$(CURDIR) .venvs/bot/bin/rasa
BOT_STAMP     := .venvs/bot/.requirements.sha256
SERVICE_STAMP := .venvs/service/.requirements.sha256

MODEL      := models/ung-veileder.tar.gz
# The trainable crisis classifier learns from the crisis package (its code and examples; the
# lexicon filters its negatives) and from the knowledge base's questions, like Rasa's own cache key
# for it (CrisisClassifierComponent.fingerprint_addon): a change to any of them retrains.
RASA_FILES := bot/config.yml $(wildcard connectors/crisis/*.py connectors/crisis/*.yml knowledge_base/content/*.yml) $(shell find bot/domain training_data connectors/crisis/examples -type f -name '*.yml' 2>/dev/null)
RASA_ARGS  := --config bot/config.yml --domain bot/domain
PYTEST     := -m pytest -p no:cacheprovider --strict-markers
comma      := ,

.PHONY: help install browser vendor-lit caseworker kb-user kb-export loadtest run train train-embeddings validate domain eval bench test test-kb test-actions test-rasa test-model test-e2e test-browser test-static clean

help:
	@echo "make run    - install what is missing, train if needed, start the whole stack"
	@echo "make test   - install what is missing and run every test"
	@echo "make eval   - print routing, language and crisis figures, then the whole bot end to end over REST"
	@echo "make bench  - print knowledge-base search latency, index build time and memory"
	@echo "make install | browser | vendor-lit | train | domain | validate | test-kb | test-actions | test-rasa | test-model | test-e2e | test-browser | clean"

# --- environments: each is re-installed only when its pinned requirements change ---------
install: $(BOT_STAMP) $(SERVICE_STAMP)

$(BOT_STAMP): requirements/bot.txt scripts/install_env.sh
	scripts/install_env.sh bot 3.10 requirements/bot.txt

$(SERVICE_STAMP): requirements/service.txt scripts/install_env.sh
	scripts/install_env.sh service 3.11 requirements/service.txt

# Debian's chromium for the browser tests (Playwright never downloads a browser).
browser:
	scripts/install_browser.sh

# --- the Rasa model: retrained only when config, domain or training data change ----------
train: $(MODEL)

$(MODEL): $(RASA_FILES) $(BOT_STAMP)
	$(RASA) train $(RASA_ARGS) --data training_data --out models --fixed-model-name ung-veileder

# The crisis answers live in connectors/crisis/messages.yml; the domain file is generated from it.
domain: $(BOT_STAMP)
	$(BOT_PY) scripts/build_crisis_domain.py

validate: $(BOT_STAMP)
	$(RASA) data validate $(RASA_ARGS) --data training_data

# --- running -----------------------------------------------------------------------------
run: install $(MODEL)
	@$(BOT_PY) scripts/stack.py run

# A caseworker account for the console (asks for the password; the stack must be running).
caseworker: $(BOT_STAMP)
	@test -n "$(USERNAME)" -a -n "$(TEAM)" || { echo "usage: make caseworker USERNAME=kari TEAM=ungdomsveiledning"; exit 2; }
	PYTHONPATH=$(CURDIR) $(BOT_PY) -m connectors.handoff add-caseworker $(USERNAME) $(foreach t,$(subst $(comma), ,$(TEAM)),--team $(t))

# lit for the staff pages, again from npm (checked against the registry's integrity) into
# common/staff/vendor/; VERSION=3.x.y to upgrade. Not part of `make test`: the tests need no network.
vendor-lit:
	python3 scripts/vendor_lit.py $(if $(VERSION),--version $(VERSION))

# Content-owner accounts and the store's content (the stack must be running, or REDIS_URL set).
kb-user: $(SERVICE_STAMP)
	@test -n "$(USERNAME)" -a -n "$(ROLE)" || { echo "usage: make kb-user USERNAME=anne ROLE=admin|editor|reviewer [DIRECTORATE=nav,lanekassen]"; exit 2; }
	PYTHONPATH=$(CURDIR) $(SERVICE_PY) -m knowledge_base.kb_service.admin_cli create-user $(USERNAME) --role $(ROLE) $(foreach d,$(subst $(comma), ,$(DIRECTORATE)),--directorate $(d))

kb-export: $(SERVICE_STAMP)
	PYTHONPATH=$(CURDIR) $(SERVICE_PY) -m knowledge_base.kb_service.admin_cli export --out var/kb-export --csv var/kb-export/entries.csv

# --- evaluation: figures, not pass/fail --------------------------------------------------
eval: $(MODEL) $(SERVICE_STAMP)
	$(SERVICE_PY) scripts/eval_routing.py
	$(SERVICE_PY) scripts/eval_routing.py --data tests/data/eval_routing_added.yml
	$(BOT_PY) scripts/eval_language.py
	$(BOT_PY) scripts/eval_crisis.py
	$(BOT_PY) scripts/eval_e2e.py

# N concurrent young people over the widget and REST for a while, then the bare `rasa init`
# assistant for reference (USERS=50 SECONDS=60 by default). A benchmark, not part of `make test`.
loadtest: $(MODEL) $(SERVICE_STAMP)
	$(BOT_PY) scripts/loadtest.py --users $(or $(USERS),50) --seconds $(or $(SECONDS),60) --think $(or $(THINK),3$(comma)9) $(if $(RAMP),--ramp $(RAMP))

bench: $(SERVICE_STAMP)
	$(SERVICE_PY) scripts/bench_kb.py

# Optional: fine-tune the embedding model on the entries' phrasings (CPU, several minutes).
# `make run` then uses models/embeddings/ instead of the packaged model.
train-embeddings: $(SERVICE_STAMP)
	$(SERVICE_PY) scripts/train_embeddings.py --out models/embeddings

# --- tests -------------------------------------------------------------------------------
# Fast, independent checks first; the trained model is built once and shared by the rest.
test: install browser test-static test-kb test-actions validate test-rasa test-model test-e2e test-browser
	@echo "All test suites passed."

test-static: $(BOT_STAMP)
	$(BOT_PY) $(PYTEST) tests/static

# tests/common runs in both envs: the shared package serves Python 3.11 (the knowledge base) and
# Python 3.10 with Rasa's pins (the channels and the actions).
test-kb: $(SERVICE_STAMP)
	$(SERVICE_PY) $(PYTEST) -o asyncio_default_fixture_loop_scope=function tests/kb tests/common

test-actions: $(BOT_STAMP) $(SERVICE_STAMP)
	$(BOT_PY) $(PYTEST) tests/bot tests/connectors tests/common

test-rasa: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/rasa --out results/rasa \
	  --fail-on-prediction-errors

test-model: $(MODEL)
	$(BOT_PY) $(PYTEST) tests/model

test-e2e: $(MODEL) $(SERVICE_STAMP)
	$(BOT_PY) $(PYTEST) tests/e2e

# The widget in headless chromium against the whole stack; screenshots go to var/screenshots.
test-browser: $(MODEL) $(SERVICE_STAMP) browser
	$(SERVICE_PY) $(PYTEST) tests/browser

clean:
	rm -rf models results var .pytest_cache
