#!/usr/bin/env bash
# Builds the widget and serves the demo page: http://127.0.0.1:${PORT:-8000}/www/
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh
bash scripts/build.sh
port=${PORT:-8000}
echo "Demo:          http://127.0.0.1:$port/www/"
echo "Configurator:  http://127.0.0.1:$port/www/configurator.html"
exec python3 -m http.server --bind 127.0.0.1 "$port"
