# taskdash: the two commands of the README are `make demo` and `make test`.
.PHONY: demo test bench build release embed lint format clean install uninstall

# Where `make install` puts the binary, the man page and the shell completions.
PREFIX ?= /usr/local
DESTDIR ?=
# The build `make install` takes the binary from (the tests install the debug one).
CONFIGURATION ?= release
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
INSTALLED = $(BINDIR)/taskdash $(MANDIR)/taskdash.1 $(BASHDIR)/taskdash $(ZSHDIR)/_taskdash \
	$(FISHDIR)/taskdash.fish

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

# The binary, a man page generated from the same command definitions as --help (ArgumentParser's
# manual plugin), and completion scripts for bash, zsh and fish.
install: embed
	swift build -c $(CONFIGURATION) --product taskdash
	swift package --allow-writing-to-package-directory generate-manual --configuration $(CONFIGURATION)
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 .build/$(CONFIGURATION)/taskdash $(BINDIR)/taskdash
	install -m 644 .build/plugins/GenerateManual/outputs/taskdash/taskdash.1 $(MANDIR)/taskdash.1
	.build/$(CONFIGURATION)/taskdash --generate-completion-script bash > $(BASHDIR)/taskdash
	.build/$(CONFIGURATION)/taskdash --generate-completion-script zsh > $(ZSHDIR)/_taskdash
	.build/$(CONFIGURATION)/taskdash --generate-completion-script fish > $(FISHDIR)/taskdash.fish

# Exactly the files `make install` wrote; the directories stay, as they may hold others' files.
uninstall:
	rm -f $(INSTALLED)

# Build Migrations/ and Seeds/ into the binary.
embed:
	@python3 scripts/embed-files

lint:
	swift format lint --strict --recursive Sources Tests Package.swift

format:
	swift format format -i --recursive Sources Tests Package.swift

clean:
	rm -rf .build
