#!/usr/bin/env bash
# Regenerate the example reports for the shipped sample (data/progress/), on purpose:
#
#   docs/examples/make.sh                              # dated today
#   SOURCE_DATE_EPOCH=1737331200 docs/examples/make.sh   # dated 2025-01-20
#
# Needs sciplan installed with the report extra (pip install -e '.[report]') and Chromium for the
# screenshot of the first page (Debian: apt-get install chromium fonts-noto-cjk).
# tests/test_report.py fails when these files no longer match what sciplan makes from the sample.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/examples

for lang in zh en; do
    sciplan report --year 2024 --lang "$lang" --format html -o "$out/report-2024.$lang.html" --force
    sciplan report --year 2024 --lang "$lang" --format markdown -o "$out/report-2024.$lang.md" --force
done

# The final evaluation (the period's last year): the sample plus the invented reports in sample-2025/.
made=$(if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then date -u -d "@$SOURCE_DATE_EPOCH" +%F; else date +%F; fi)
python3 docs/examples/final_example.py "$made"

chromium=${SCIPLAN_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
    echo "make.sh: Chromium not found; $out/report-2024.zh.png was not updated" >&2
    exit 1
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# The first screen at 1240x1754 pixels: an A4 page at 150 dpi. No host name resolves, so nothing is fetched.
"$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --host-resolver-rules="MAP * ~NOTFOUND" --hide-scrollbars \
    --user-data-dir="$profile" --window-size=1240,1754 --screenshot="$PWD/$out/report-2024.zh.png" \
    "file://$PWD/$out/report-2024.zh.html" 2>/dev/null
echo "wrote $out/report-2024.zh.png" >&2
