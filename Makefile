# taskdash: the two commands of the README are `make demo` and `make test`.
.PHONY: demo test bench build release embed lint format clean

build: embed
	swift build

release: embed
	swift build -c release

# Build, create the embedded SQLite database, migrate, seed, simulate, open the dashboard.
demo: embed
	@scripts/ensure-deps
	swift build -c release --product taskdash
	.build/release/taskdash demo $(DEMO_ARGS)

# Install what is missing, start a throwaway PostgreSQL, run every test, clean up.
test:
	scripts/test

bench: embed
	scripts/bench

# Build Migrations/ and Seeds/ into the binary.
embed:
	@python3 scripts/embed-files

lint:
	swift format lint --strict --recursive Sources Tests Package.swift

format:
	swift format format -i --recursive Sources Tests Package.swift

clean:
	rm -rf .build
