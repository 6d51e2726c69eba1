#!/usr/bin/env bash
# Runs every test of the platform. Installs, when missing, the Debian packages the tests use as
# independent references and real servers: PostgreSQL (the store), PROJ (cs2cs, geod), GDAL (ogrinfo),
# Chromium (the web map's browser test), a CJK font (printed maps), LibreOffice with poppler (reports)
# and QGIS (python3-qgis, the desktop GIS planners use, driven headless).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v cs2cs >/dev/null 2>&1 || need+=(proj-bin)
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
[ -e /usr/lib/python3/dist-packages/pyproj ] || need+=(python3-pyproj)
# The web map's browser test drives the system Chromium; printed maps need a CJK font (found through fontconfig).
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v fc-list >/dev/null 2>&1 || need+=(fontconfig)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
# The reports' DOCX test converts with LibreOffice (headless, no GUI) and reads the PDF back with pdftotext.
command -v libreoffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# GIS clients: QGIS (headless, python3-qgis under QT_QPA_PLATFORM=offscreen) opens the OGC API and the tiles
# as a planner's desktop GIS would. Tests call /usr/bin/python3 (the Debian interpreter that has qgis).
[ -e /usr/lib/python3/dist-packages/qgis ] || need+=(python3-qgis)
# Complaint photos must lose their GPS position: the governance tests read the stored photo back with exiftool.
command -v exiftool >/dev/null 2>&1 || need+=(libimage-exiftool-perl)
# The vitality scene's calendar feed is parsed by an independent RFC 5545 parser, its check-in QR codes read by zbarimg.
[ -e /usr/lib/python3/dist-packages/icalendar ] || need+=(python3-icalendar)
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
# The smart scene's devices are played by Debian's MQTT clients (mosquitto_pub, mosquitto_sub) against the hosted broker.
command -v mosquitto_pub >/dev/null 2>&1 || need+=(mosquitto-clients)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${need[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# Each project also writes a TRX file; the summary printed last names every failed test with its message,
# so the tail of a long log (what CI shows) says what failed.
rm -rf tests/*/TestResults
status=0
dotnet test Platform.sln --logger "console;verbosity=normal" --logger trx "$@" || status=$?
summary=0
python3 build/test-summary.py . || summary=$?
[ "$status" -ne 0 ] && exit "$status"
exit "$summary"
