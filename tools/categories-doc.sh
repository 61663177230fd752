#!/usr/bin/env bash
# Regenerates the measured tables of docs/categories.md: the corpus (tune and check parts) and the regression set.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -v q src/TradeAlertBot >/dev/null
run() { dotnet run --no-build --project src/TradeAlertBot -- eval --rules samples/rules --doc docs/categories.md "$@"; }
run --jsonl ../shared/corpus/dev.jsonl --split both
run --jsonl tests/TradeAlertBot.Core.Tests/Categories/labelled-items.jsonl --split all
