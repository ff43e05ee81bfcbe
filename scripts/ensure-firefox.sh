#!/usr/bin/env bash
# Firefox tests drive Debian's firefox-esr over WebDriver BiDi (puppeteer-core; nothing may
# download a browser of its own here). Install it when missing and we are allowed to; else
# say what to do.
set -euo pipefail
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
[ -x "$FIREFOX" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Firefox is missing: installing Debian's firefox-esr package (about a minute, once)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
  exit 0
fi
echo "Firefox not found at $FIREFOX. Install it (Debian: sudo apt-get install firefox-esr) or set FIREFOX_PATH." >&2
exit 1
