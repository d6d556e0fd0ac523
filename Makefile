# Almanac: `make run` starts a local server, `make test` runs every test.
PORT ?= 8080
SWIFT ?= swift

.PHONY: run test deps build build-debug bench clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product almanac

build-debug: deps
	$(SWIFT) build --build-tests

run: build
	@PORT=$(PORT) exec scripts/run.sh

test: deps
	@scripts/test.sh

bench: build
	bash bench/run.sh $(SIZE)

sql-embed:
	scripts/embed-sql.sh

clean:
	rm -rf .build var
