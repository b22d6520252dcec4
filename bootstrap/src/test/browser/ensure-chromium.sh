#!/bin/sh
# Makes sure the browser test has Debian's Chromium before it runs: present, fine; missing and
# root with apt-get, installed; otherwise a failure that names the one command to run. The build
# runs it before the integration tests, so the test is never skipped for want of a browser.
#
# Usage: ensure-chromium.sh [--dry-run] [--chromium PATH] [--uid N] [--apt-get PATH]
#   --dry-run   say what would be done, and do nothing
#   --chromium, --uid, --apt-get   stand in for /usr/bin/chromium, `id -u` and apt-get's path,
#               so that a test can walk every branch on a machine that has Chromium
set -eu

chromium=/usr/bin/chromium
uid=$(id -u)
apt_get=$(command -v apt-get || true)
dry_run=no
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=yes; shift ;;
    --chromium) chromium=$2; shift 2 ;;
    --uid) uid=$2; shift 2 ;;
    --apt-get) apt_get=$2; shift 2 ;;
    *) echo "ensure-chromium: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ -x "$chromium" ]; then
  echo "ensure-chromium: found $chromium"
  exit 0
fi

if [ "$uid" = 0 ] && [ -n "$apt_get" ]; then
  if [ "$dry_run" = yes ]; then
    echo "ensure-chromium: would run $apt_get update && $apt_get install -y chromium"
    exit 0
  fi
  echo "ensure-chromium: $chromium is missing; installing Debian's chromium with apt-get"
  DEBIAN_FRONTEND=noninteractive "$apt_get" update
  DEBIAN_FRONTEND=noninteractive "$apt_get" install -y chromium
  if [ -x "$chromium" ]; then
    exit 0
  fi
  echo "ensure-chromium: apt-get finished but $chromium is still missing" >&2
  exit 1
fi

echo "ensure-chromium: the browser test needs Chromium at $chromium. Run, as root:" >&2
echo "  apt-get update && apt-get install -y chromium" >&2
exit 1
