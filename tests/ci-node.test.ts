// .ci/node22.sh, which .ci/run sources: run in a copy of .ci/ with stand-ins for the machine's `node` (a given
// version) and for `npm pack` (a tarball holding a Node of the pinned version), recording what npm was asked.
import { execFile } from "node:child_process";
import { chmod, copyFile, mkdir, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const execute = promisify(execFile);
const pinned = (await readFile(".ci/node22.sh", "utf8")).match(/^kronika_node_version=(\S+)$/m)?.[1] ?? "";
const minimum = (await readFile(".ci/node22.sh", "utf8")).match(/^kronika_node_minimum=(\S+)$/m)?.[1] ?? "";

/** A `node` that says it is `version` and runs scripts as the real one would, under that version. */
const nodeReporting = (version: string) => `#!/usr/bin/env bash
if [ "$1" = --version ]; then echo v${version}; exit; fi
if [ "$1" = -e ]; then
  script="Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${version}' } }); $2"
  shift 2
  exec "${process.execPath}" -e "$script" "$@"
fi
exec "${process.execPath}" "$@"
`;

// `npm pack --silent --pack-destination DIR SPEC`: writes a tarball as the registry's node-linux-* holds it.
const fakeNpm = `#!/usr/bin/env bash
echo "$*" >> "$NPM_LOG"
[ "$1" = pack ] || exit 1
destination=$4
work=$(mktemp -d)
mkdir -p "$work/package/bin"
cp "$PACKED_NODE" "$work/package/bin/node"
tar -czf "$destination/node.tgz" -C "$work" package
echo node.tgz
`;

async function machine(nodeVersion: string) {
  const root = await mkdtemp(path.join(tmpdir(), "kronika-ci-node-"));
  const bin = path.join(root, "bin");
  await mkdir(path.join(root, ".ci"), { recursive: true });
  await mkdir(bin);
  await copyFile(".ci/node22.sh", path.join(root, ".ci/node22.sh"));
  for (const [name, text] of [
    ["node", nodeReporting(nodeVersion)],
    ["npm", fakeNpm],
    ["packed-node", nodeReporting(pinned)],
  ]) {
    await writeFile(path.join(root, name === "packed-node" ? name : `bin/${name}`), text);
    await chmod(path.join(root, name === "packed-node" ? name : `bin/${name}`), 0o755);
  }
  await writeFile(path.join(root, "npm.log"), "");
  const run = async () => {
    const { stdout } = await execute(
      "bash",
      ["-c", 'set -euo pipefail; source .ci/node22.sh; echo "node: $(command -v node) $(node --version)"'],
      {
        cwd: root,
        env: {
          ...process.env,
          PATH: `${bin}:/usr/bin:/bin`,
          NPM_LOG: path.join(root, "npm.log"),
          PACKED_NODE: path.join(root, "packed-node"),
        },
      },
    );
    return { stdout, npmCalls: (await readFile(path.join(root, "npm.log"), "utf8")).split("\n").filter(Boolean) };
  };
  return { root, bin, run };
}

describe(".ci/run's Node.js", () => {
  it("installs the pinned Node.js 22 from the npm registry into .ci/.node when the machine's is Node 20, and puts it first", async () => {
    const { root, run } = await machine("20.20.2");
    const { stdout, npmCalls } = await run();
    expect(stdout).toContain(`Installing Node.js ${pinned} into .ci/.node (the machine has v20.20.2)`);
    expect(stdout).toContain(`node: ${root}/.ci/.node/bin/node v${pinned}`);
    expect(npmCalls).toEqual([
      `pack --silent --pack-destination ${root}/.ci/.node node-linux-${process.arch === "arm64" ? "arm64" : "x64"}@${pinned}`,
    ]);
    // The tarball is unpacked and removed.
    await expect(stat(path.join(root, ".ci/.node/node.tgz"))).rejects.toThrow();

    const again = await run();
    expect(again.stdout).toBe(`node: ${root}/.ci/.node/bin/node v${pinned}\n`);
    expect(again.npmCalls).toEqual(npmCalls);
  });

  it("installs it when the machine's Node 22 is older than engines allow", async () => {
    const { root, run } = await machine("22.15.0");
    const { stdout, npmCalls } = await run();
    expect(stdout).toContain(`node: ${root}/.ci/.node/bin/node v${pinned}`);
    expect(npmCalls).toHaveLength(1);
  });

  it("uses the machine's Node when it is recent enough, and installs nothing", async () => {
    for (const version of [minimum, "24.1.0"]) {
      const { bin, root, run } = await machine(version);
      const { stdout, npmCalls } = await run();
      expect(stdout).toBe(`node: ${bin}/node v${version}\n`);
      expect(npmCalls).toEqual([]);
      await expect(stat(path.join(root, ".ci/.node"))).rejects.toThrow();
    }
  });
});
