#!/usr/bin/env bash
# Installs the Debian packages Almanac needs that are missing (one apt-get update,
# one apt-get install). Services the packages would start (system MariaDB,
# nginx, Apache on port 80) are kept from starting: Almanac runs private ones.
set -euo pipefail
packages=(pkg-config mariadb-server mariadb-client libmariadb-dev libfcgi-dev nginx apache2
          libapache2-mod-fcgid libcurl4-openssl-dev python3 python3-venv python3-pip curl wrk)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
policy_added=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
    policy_added=1
fi
trap '[ -n "$policy_added" ] && $sudo rm -f /usr/sbin/policy-rc.d' EXIT
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
