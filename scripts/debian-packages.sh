#!/usr/bin/env bash
# Install the Debian packages Rian Thai needs, only those that are missing.
#   scripts/debian-packages.sh run    what serving needs (PDFs, media tools)
#   scripts/debian-packages.sh test   that, plus what the tests drive (Chromium, poppler)
set -euo pipefail

run_packages=(
  python3 python3-venv        # the virtualenv
  libharfbuzz-subset0         # WeasyPrint: without it, importing it warns (font subsetting)
  libpango-1.0-0 libpangoft2-1.0-0
  ffmpeg                      # media probing, thumbnails, renditions, sample videos
  espeak-ng                   # Thai speech for the sample videos
)
test_packages=(
  poppler-utils               # pdffonts / pdftoppm: fonts embedded, pages looked at
  chromium                    # end-to-end tests through Playwright (never a downloaded browser)
  fonts-noto-core             # Thai, Khmer, Lao glyphs in Chromium's screenshots (phones have them)
  npm                         # axe-core, the accessibility checker the browser tests inject
)

case "${1:-run}" in
  run) wanted=("${run_packages[@]}") ;;
  test) wanted=("${run_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# A Python built outside Debian (pyenv, a container image) brings its own venv module.
if [[ " ${missing[*]} " == *" python3-venv "* ]] && python3 -c "import venv, ensurepip" 2>/dev/null; then
  missing=("${missing[@]/python3-venv}")
fi
# A Node.js from elsewhere (NodeSource's package, nvm) brings its own npm, and its package
# conflicts with Debian's npm.
if [[ " ${missing[*]} " == *" npm "* ]] && command -v npm >/dev/null; then
  missing=("${missing[@]/npm}")
fi
read -r -a missing <<< "${missing[*]}"
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
