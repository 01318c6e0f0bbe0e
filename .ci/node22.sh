# Sourced by .ci/run (or by a shell: `source .ci/node22.sh`): puts a Node.js of at least the version that
# package.json's engines asks for first on PATH, installing it into .ci/.node from the npm registry when
# the machine's Node is older. npm itself is the machine's: npm 10 and 11 run on Node 22.
# shellcheck shell=bash

# The Node.js that .ci/run installs, and the oldest it accepts from the machine (package.json's engines).
kronika_node_version=22.23.3
kronika_node_minimum=22.22.2

# Exit status 0 when the `node` on PATH is at least $kronika_node_minimum.
kronika_node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e '
      const [have, want] = [process.versions.node, process.argv[1]].map((v) => v.split(".").map(Number));
      const older = have[0] - want[0] || have[1] - want[1] || have[2] - want[2];
      process.exit(older < 0 ? 1 : 0);
    ' "$kronika_node_minimum"
}

if ! kronika_node_is_recent; then
  case "$(uname -m)" in
    x86_64 | amd64) kronika_node_arch=x64 ;;
    aarch64 | arm64) kronika_node_arch=arm64 ;;
    *)
      echo "Node.js $kronika_node_minimum or newer is needed, and .ci/run has no Node.js for $(uname -m)" >&2
      return 1 2>/dev/null || exit 1
      ;;
  esac
  kronika_node_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.node"
  if [ "$("$kronika_node_dir/bin/node" --version 2>/dev/null)" != "v$kronika_node_version" ]; then
    echo "Installing Node.js $kronika_node_version into .ci/.node (the machine has $(node --version 2>/dev/null || echo none))"
    rm -rf "$kronika_node_dir"
    mkdir -p "$kronika_node_dir"
    # npm pack checks the tarball against the registry's integrity hash; the package is Node's own binary.
    kronika_node_tarball=$(npm pack --silent --pack-destination "$kronika_node_dir" "node-linux-$kronika_node_arch@$kronika_node_version")
    tar -xzf "$kronika_node_dir/$kronika_node_tarball" -C "$kronika_node_dir" --strip-components=1
    rm "$kronika_node_dir/$kronika_node_tarball"
  fi
  export PATH="$kronika_node_dir/bin:$PATH"
  kronika_node_is_recent || {
    echo "$kronika_node_dir/bin/node is not Node.js $kronika_node_minimum or newer" >&2
    return 1 2>/dev/null || exit 1
  }
fi
