#!/usr/bin/env bash
# SecureOta build bootstrapper: runs the release pipeline (Cake Frosting style, --target=...).
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project build/SecureOta.Build.csproj -c Release -- "$@"
