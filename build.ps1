#!/usr/bin/env pwsh
# SecureOta build bootstrapper: runs the release pipeline (Cake Frosting style, --target=...).
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
dotnet run --project build/SecureOta.Build.csproj -c Release -- $args
exit $LASTEXITCODE
