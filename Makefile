# Entry points for developers and CI. Infrastructure scripts: scripts/infra/ (see their headers).
#   make build | demo | test | bench | images | up | down | infra-up | infra-down | clean
#   make test TEST_ARGS='--filter Category=Unit'
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# .NET 10's `dotnet new sln` writes .slnx; use whichever exists (.sln first).
SLN := $(firstword $(wildcard Velero.Services.sln Velero.Services.slnx) Velero.Services.sln)
DEV_STATE := .local
TEST_STATE := .local/test
SERVICES := scripts/dev/services.sh
CLUSTERS := scripts/dev/clusters.sh
TEST_ARGS ?=
BENCH_ARGS ?=
# The sources of the velero binary: out/velero is published again only when one of them changed.
# (The image-only programs velero-restore-helper and velero-plugin-copy are not part of it.)
CLI_SOURCES := $(shell find services shared -path '*/bin' -prune -o -path '*/obj' -prune -o \
	-path services/Velero.RestoreHelper -prune -o -path services/Velero.PluginCopy -prune -o \
	-type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.sql' \) -print) \
	Directory.Build.props Directory.Packages.props global.json

.PHONY: build test bench demo images up down infra-up infra-down clean

build: out/velero
	dotnet build $(SLN) -c Release

# One self-contained single-file executable (publish settings in services/Velero.Cli/Velero.Cli.csproj; figures
# and the variants tried in docs/cli-build.md). The publish folder keeps the symbols beside it; out/velero is all
# that runs.
out/velero: $(CLI_SOURCES)
	dotnet publish services/Velero.Cli -c Release -r linux-x64 --self-contained -o out/publish -v quiet -nologo
	install -m 0755 out/publish/velero out/velero

# OCI archives of the velero image and the three plugin images in out/images/ (no Docker engine: buildah with vfs
# storage FROM scratch), their SBOMs, the image checks and the smoke test; installs buildah, umoci and skopeo when
# missing. docs/images.md.
images: out/velero
	scripts/images/build.sh

# Builds, starts the stack, backs up, restores and migrates the bookstore of deploy/demo; prints a report.
demo:
	scripts/demo.sh

# Starts the `test` profile in $(TEST_STATE), runs all tests, stops it; last line "N passed, N failed, N skipped".
test:
	scripts/test.sh $(TEST_ARGS)

# Backup and restore throughput at 10,000 and 100,000 objects with the real S3 server (its own infrastructure; not part of CI).
bench:
	scripts/bench.sh $(BENCH_ARGS)

# Safe to repeat: every step leaves what already runs alone. Clusters dev-a and dev-b: .local/kubeconfig.
up: infra-up
	bash $(CLUSTERS) start
	bash $(SERVICES) start
	bash $(CLUSTERS) setup

# Services first, so they do not log connection errors while the infrastructure goes away.
down:
	-bash $(SERVICES) stop
	-bash $(CLUSTERS) stop
	scripts/infra/down.sh --state $(DEV_STATE)

infra-up:
	scripts/infra/up.sh --state $(DEV_STATE) --profile dev

infra-down:
	scripts/infra/down.sh --state $(DEV_STATE)

# Stops both profiles first: deleting the state of a running instance would orphan its processes.
clean:
	-bash $(SERVICES) stop
	-bash $(CLUSTERS) stop
	scripts/infra/down.sh --state $(TEST_STATE)
	scripts/infra/down.sh --state $(DEV_STATE)
	rm -rf $(DEV_STATE) out
	find services shared tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} + 2>/dev/null || true
