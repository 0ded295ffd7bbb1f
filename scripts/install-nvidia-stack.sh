#!/usr/bin/env bash
# Installs what a DGX Spark (or another NVIDIA machine on Ubuntu 24.04) needs for Nova's GPU
# work: the NVIDIA driver (open kernel modules), the CUDA toolkit, Docker and the NVIDIA
# Container Toolkit; then runs `nova-runner check`.
#
# Idempotent: every step first looks whether its result is already there and skips if so, so
# running it again changes nothing. DGX OS ships driver, CUDA and toolkit preinstalled; there the
# script only fills in what is missing from NVIDIA's repositories that DGX OS already has.
#
#   sudo scripts/install-nvidia-stack.sh            install, then check
#   scripts/install-nvidia-stack.sh --dry-run       print each step, change nothing (no root)
#
# Environment (all optional):
#   NOVA_DRIVER_PACKAGE   driver package (default nvidia-open: the open kernel modules, which
#                         Blackwell, GB10 included, requires)
#   NOVA_CUDA_PACKAGE     CUDA toolkit package (default cuda-toolkit-13-0)
#   NOVA_MIN_DRIVER       driver version that counts as installed (default 580)
#   NOVA_RUNNER           command that runs nova-runner (default: nova-runner on PATH, else
#                         node with packages/runner/dist/nova-runner.mjs of this repository)
#   NOVA_OS_RELEASE, NOVA_DGX_RELEASE, NOVA_ARCH   override detection (tests)
#
# Docs: docs/runner.md. Exit code: nova-runner check's (0 pass, 1 warn, 2 fail), 3 when a step
# failed, 64 for a usage error.
set -euo pipefail

DRY_RUN=0
DRIVER_PACKAGE="${NOVA_DRIVER_PACKAGE:-nvidia-open}"
CUDA_PACKAGE="${NOVA_CUDA_PACKAGE:-cuda-toolkit-13-0}"
MIN_DRIVER="${NOVA_MIN_DRIVER:-580}"
OS_RELEASE="${NOVA_OS_RELEASE:-/etc/os-release}"
DGX_RELEASE="${NOVA_DGX_RELEASE:-/etc/dgx-release}"
CUDA_KEYRING_URL_BASE="https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2404"
CTK_LIST_URL="https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list"
CTK_KEY_URL="https://nvidia.github.io/libnvidia-container/gpgkey"
CTK_KEYRING="/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg"
REBOOT_NEEDED=0

usage() {
  sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'
}

while (($# > 0)); do
  case "$1" in
    --dry-run) DRY_RUN=1 ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      echo "unknown option: $1 (see --help)" >&2
      exit 64
      ;;
  esac
  shift
done

say() { printf '==> %s\n' "$*"; }
skip() { printf '    ok: %s\n' "$*"; }

# Runs a command, or in a dry run only prints it. Every change goes through here.
run() {
  if ((DRY_RUN)); then
    printf '    [dry-run] %s\n' "$*"
  else
    printf '    + %s\n' "$*"
    "$@"
  fi
}

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

# Major version of the running driver, empty when nvidia-smi is missing or fails.
running_driver() {
  command -v nvidia-smi >/dev/null 2>&1 || return 0
  LC_ALL=C timeout 20 nvidia-smi --query-gpu=driver_version --format=csv,noheader 2>/dev/null |
    head -n 1 | cut -d. -f1 || true
}

detect_platform() {
  say "Platform"
  if [[ ! -r "$OS_RELEASE" ]]; then
    echo "cannot read $OS_RELEASE" >&2
    exit 3
  fi
  # shellcheck disable=SC1090 # the file is os-release(5): shell assignments by definition
  OS_ID="$(. "$OS_RELEASE" && echo "${ID:-}")"
  # shellcheck disable=SC1090
  OS_VERSION="$(. "$OS_RELEASE" && echo "${VERSION_ID:-}")"
  ARCH="${NOVA_ARCH:-$(dpkg --print-architecture)}"
  case "$ARCH" in
    amd64) REPO_ARCH="x86_64" ;;
    arm64) REPO_ARCH="sbsa" ;;
    *)
      echo "unsupported architecture $ARCH (amd64 or arm64)" >&2
      exit 3
      ;;
  esac
  IS_DGX_OS=0
  [[ -r "$DGX_RELEASE" ]] && IS_DGX_OS=1
  if [[ "$OS_ID" != "ubuntu" || "$OS_VERSION" != "24.04" ]]; then
    echo "this script supports DGX OS and Ubuntu 24.04, not ${OS_ID} ${OS_VERSION}" >&2
    exit 3
  fi
  skip "Ubuntu ${OS_VERSION} on ${ARCH}$( ((IS_DGX_OS)) && echo ' (DGX OS)')"
  if ((!DRY_RUN)) && [[ "$(id -u)" != 0 ]]; then
    echo "run as root (sudo), or with --dry-run to see the steps" >&2
    exit 3
  fi
}

ensure_cuda_repository() {
  say "NVIDIA CUDA repository"
  if ((IS_DGX_OS)); then
    skip "DGX OS has NVIDIA's repositories configured"
    return
  fi
  if is_installed cuda-keyring; then
    skip "cuda-keyring is installed"
    return
  fi
  local deb="/tmp/cuda-keyring_1.1-1_all.deb"
  run curl -fsSL -o "$deb" "${CUDA_KEYRING_URL_BASE}/${REPO_ARCH}/cuda-keyring_1.1-1_all.deb"
  run dpkg -i "$deb"
  run apt-get update
}

ensure_driver() {
  say "NVIDIA driver (>= ${MIN_DRIVER})"
  local major
  major="$(running_driver)"
  if [[ -n "$major" && "$major" -ge "$MIN_DRIVER" ]]; then
    skip "driver ${major} is running"
    return
  fi
  if is_installed "$DRIVER_PACKAGE"; then
    skip "${DRIVER_PACKAGE} is installed but not running: reboot"
    REBOOT_NEEDED=1
    return
  fi
  run apt-get install -y "$DRIVER_PACKAGE"
  REBOOT_NEEDED=1
}

ensure_cuda() {
  say "CUDA toolkit (${CUDA_PACKAGE})"
  if is_installed "$CUDA_PACKAGE"; then
    skip "${CUDA_PACKAGE} is installed"
    return
  fi
  run apt-get install -y "$CUDA_PACKAGE"
}

ensure_docker() {
  say "Docker"
  if command -v docker >/dev/null 2>&1; then
    skip "docker is installed"
    return
  fi
  run apt-get install -y docker.io
  run systemctl enable --now docker
}

ensure_container_toolkit() {
  say "NVIDIA Container Toolkit"
  if is_installed nvidia-container-toolkit; then
    skip "nvidia-container-toolkit is installed"
  else
    if ((!IS_DGX_OS)) && [[ ! -e "$CTK_KEYRING" ]]; then
      if ((DRY_RUN)); then
        printf '    [dry-run] %s\n' "curl -fsSL $CTK_KEY_URL | gpg --dearmor -o $CTK_KEYRING"
        printf '    [dry-run] %s\n' "curl -fsSL $CTK_LIST_URL | sed 's#deb https://#deb [signed-by=$CTK_KEYRING] https://#g' > /etc/apt/sources.list.d/nvidia-container-toolkit.list"
      else
        printf '    + %s\n' "add the NVIDIA Container Toolkit repository"
        curl -fsSL "$CTK_KEY_URL" | gpg --dearmor -o "$CTK_KEYRING"
        curl -fsSL "$CTK_LIST_URL" |
          sed "s#deb https://#deb [signed-by=${CTK_KEYRING}] https://#g" \
            >/etc/apt/sources.list.d/nvidia-container-toolkit.list
      fi
      run apt-get update
    fi
    run apt-get install -y nvidia-container-toolkit
  fi
  say "Docker knows the nvidia runtime"
  if command -v docker >/dev/null 2>&1 &&
    timeout 20 docker info --format '{{json .Runtimes}}' 2>/dev/null | grep -q '"nvidia"'; then
    skip "runtime nvidia is registered"
    return
  fi
  run nvidia-ctk runtime configure --runtime=docker
  run systemctl restart docker
}

find_runner() {
  if [[ -n "${NOVA_RUNNER:-}" ]]; then
    echo "$NOVA_RUNNER"
  elif command -v nova-runner >/dev/null 2>&1; then
    echo "nova-runner"
  else
    local here
    here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    for candidate in /opt/nova-runner/nova-runner.mjs "${here}/../packages/runner/dist/nova-runner.mjs"; do
      if [[ -r "$candidate" ]]; then
        echo "node ${candidate}"
        return
      fi
    done
  fi
}

run_check() {
  say "nova-runner check"
  if ((REBOOT_NEEDED && DRY_RUN)); then
    echo "    A driver would be installed: reboot after it, then run nova-runner check."
  elif ((REBOOT_NEEDED)); then
    echo "    A driver was installed: reboot, then run nova-runner check again."
  fi
  local runner
  runner="$(find_runner)"
  if [[ -z "$runner" ]]; then
    echo "nova-runner not found: install it (docs/runner.md) or set NOVA_RUNNER" >&2
    exit 3
  fi
  if ((DRY_RUN)); then
    printf '    [dry-run] %s check\n' "$runner"
    return 0
  fi
  local status=0
  # $runner is "nova-runner" or "node <path>": split on purpose.
  # shellcheck disable=SC2086
  $runner check || status=$?
  return "$status"
}

main() {
  detect_platform
  ensure_cuda_repository
  ensure_driver
  ensure_cuda
  ensure_docker
  ensure_container_toolkit
  run_check
}

main
