#!/usr/bin/env bash
# Runs the browser specs (which write artifacts/screenshots/*.png) and copies the screenshots that docs/admin.md
# shows into docs/images/admin. Needs chromium at /usr/bin/chromium (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/TradeAlertBot.IntegrationTests --filter "FullyQualifiedName~Browser"
mkdir -p docs/images/admin
for shot in artifacts/screenshots/*.png; do
  name=$(basename "$shot")
  # Only the ones the docs name: a spec's scratch screenshots stay out of the repository.
  if grep -q "images/admin/$name" docs/admin.md; then
    cp "$shot" "docs/images/admin/$name"
  fi
done
echo "docs/images/admin updated from artifacts/screenshots"
