// Node.js 22 is the one runtime: what package.json allows, what every installed package accepts, what CI
// installs, what the README says and what Lambda runs all agree.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { esbuildSettings } from "../../infra/function-build";
import { functionDefaults } from "../../infra/function-bundling";

// npm's own reading of version ranges, so the test judges engines as `npm install` does.
const semver = createRequire(import.meta.url)("semver") as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

interface LockedPackage {
  version?: string;
  engines?: { node?: string };
  optional?: boolean;
  os?: string[];
  cpu?: string[];
}

/**
 * Where Kronika is installed: Linux (CI, Lambda) and macOS, on x64 and arm64. npm skips an optional package
 * for another platform (sharp's Windows binaries), and never checks its engines.
 */
const installedHere = (pkg: LockedPackage) =>
  !pkg.optional ||
  ((!pkg.os || pkg.os.some((os) => ["linux", "darwin"].includes(os))) &&
    (!pkg.cpu || pkg.cpu.some((cpu) => ["x64", "arm64"].includes(cpu))));
const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, LockedPackage> };
const ciNode = readFileSync(".ci/node22.sh", "utf8");
const shellValue = (name: string) => ciNode.match(new RegExp(`^${name}=([0-9.]+)$`, "m"))?.[1];
const oldestAllowed = semver.minVersion(manifest.engines.node)?.version ?? "";

describe("the Node.js runtime", () => {
  it("is Node.js 22 or newer, as package.json's engines say", () => {
    expect(oldestAllowed).toMatch(/^22\./);
  });

  it("is accepted by every locked package on the oldest version engines allow, so an install warns of no engine", () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name, pkg]) => name !== "" && installedHere(pkg) && pkg.engines?.node && !semver.satisfies(oldestAllowed, pkg.engines.node))
      .map(([name, pkg]) => `${name.replace(/^.*node_modules\//, "")}@${pkg.version} wants node ${pkg.engines?.node}`);
    expect(refusing).toEqual([]);
  });

  it("is what .ci/run installs when the machine's Node.js is older, and the oldest it accepts is engines'", () => {
    const installed = shellValue("kronika_node_version");
    expect(installed).toMatch(/^22\.\d+\.\d+$/);
    expect(semver.satisfies(String(installed), manifest.engines.node)).toBe(true);
    expect(shellValue("kronika_node_minimum")).toBe(oldestAllowed);
  });

  it("is the one the README asks for", () => {
    const readme = readFileSync("README.md", "utf8");
    const [major, minor] = oldestAllowed.split(".");
    expect(readme).toContain(`Node.js ≥ ${major}.${minor}`);
    expect(readme).not.toMatch(/Node\.js ≥ (1\d|2[01])\b/);
  });

  it("is the one Lambda runs and esbuild builds for", () => {
    const major = oldestAllowed.split(".")[0];
    expect(functionDefaults.runtime.name).toBe(`nodejs${major}.x`);
    expect(esbuildSettings.target).toBe(`node${major}`);
  });
});
