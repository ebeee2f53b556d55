#!/usr/bin/env bash
# Installs everything `npm test` and `npm start` need, skipping what is already there:
# Debian packages (when root), the npm dependencies, and code-server 4.100.3 (VS Code 1.100.3)
# in a cache dir. Recipe and reasons: ../shared/reference/test-infra.md. A second run is a no-op.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${ACR_DOCTOR_CACHE:-$ROOT/.cache}"
CODE_SERVER_VERSION=4.100.3
CS_DIR="$CACHE/code-server"
CS_STAMP="$CS_DIR/.ready-$CODE_SERVER_VERSION"
started=$SECONDS

say() { echo "[setup] $*"; }

# --- Debian packages -------------------------------------------------------------------------
APT_PACKAGES=(docker.io docker-registry tinyproxy nftables iproute2 openssl ripgrep chromium
  libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev azure-cli
  podman skopeo buildah uidmap containerd)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $EUID -eq 0 ]]; then
    say "installing Debian packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "missing Debian packages: ${missing[*]}"
    say "not root, so not installing them; run: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    say "(unit tests still run; integration, extension and e2e tests need them and root)"
  fi
fi

# --- npm dependencies ------------------------------------------------------------------------
# Stale = the lock file changed since the last install here (teammates add dependencies).
NPM_STAMP="$ROOT/node_modules/.acr-doctor-setup"
lock_hash="$(sha256sum "$ROOT/package-lock.json" "$ROOT/package.json" | sha256sum | cut -c1-16)"
if [[ ! -d "$ROOT/node_modules" ]]; then
  say "npm ci"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$(sha256sum "$ROOT/package-lock.json" "$ROOT/package.json" | sha256sum | cut -c1-16)" >"$NPM_STAMP"
elif [[ "$(cat "$NPM_STAMP" 2>/dev/null)" != "$lock_hash" ]]; then
  say "npm install (package.json or lock file changed)"
  (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
  echo "$(sha256sum "$ROOT/package-lock.json" "$ROOT/package.json" | sha256sum | cut -c1-16)" >"$NPM_STAMP"
fi

# --- code-server (real VS Code for the extension and e2e tests) ------------------------------
if [[ ! -f "$CS_STAMP" ]]; then
  if ! command -v rg >/dev/null; then
    say "ripgrep (rg) is missing: code-server needs it; install the Debian package ripgrep"; exit 1
  fi
  say "installing code-server $CODE_SERVER_VERSION into $CS_DIR"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  echo '{ "name": "acr-doctor-code-server", "private": true }' >"$CS_DIR/package.json"
  export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_loglevel=error
  (cd "$CS_DIR" && npm install --ignore-scripts "code-server@$CODE_SERVER_VERSION")
  VSC="$CS_DIR/node_modules/code-server/lib/vscode"
  (cd "$VSC" && npm install --omit=dev --ignore-scripts \
    && npm rebuild kerberos node-pty @vscode/spdlog native-watchdog)
  # @vscode/ripgrep's postinstall downloads from GitHub: use Debian's rg instead.
  mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$VSC/node_modules/@vscode/ripgrep/bin/rg"
  ln -sfn node_modules "$VSC/node_modules.asar"
  ln -sfn code-linux.sh "$VSC/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$VSC/bin/helpers/browser.sh"
  (cd "$VSC/extensions" && npm install --omit=dev --ignore-scripts)
  # argon2 is hoisted to the top folder; without its binding code-server dies at start.
  (cd "$CS_DIR" && npm rebuild argon2)
  touch "$CS_STAMP"
fi

say "ready in $((SECONDS - started)) s"
