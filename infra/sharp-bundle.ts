// sharp for the sync function: its native binary must be Lambda's (Linux, arm64, glibc), not the machine's
// that synthesizes. esbuild cannot bundle a .node file, so the function's bundle leaves `sharp` external and
// carries a node_modules of its own: the exact version package-lock.json pins, installed from the npm
// registry for linux/arm64 once into a cache under node_modules/.cache (npm's own cache serves it offline
// after that), then copied beside index.mjs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

/** What Lambda runs the sync on (function-bundling.ts: arm64), as npm names it. */
export const lambdaPlatform = { os: "linux", cpu: "arm64", libc: "glibc" } as const;

/** A package's version as package-lock.json pins it. */
export function lockedVersion(name: string): string {
  const lock = JSON.parse(readFileSync(path.join(projectRoot, "package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string }>;
  };
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${name} is not in package-lock.json`);
  return version;
}

/**
 * A folder holding node_modules/ with sharp and its linux-arm64 binaries (sharp's and libvips'), at the
 * versions the lock file pins; made once per sharp version.
 */
export function sharpForLambda(cacheRoot = path.join(projectRoot, "node_modules", ".cache")): string {
  const version = lockedVersion("sharp");
  const dir = path.join(cacheRoot, `kronika-sharp-${version}-${lambdaPlatform.os}-${lambdaPlatform.cpu}`);
  const binary = `@img/sharp-${lambdaPlatform.os}-${lambdaPlatform.cpu}`;
  if (existsSync(path.join(dir, "node_modules", binary, "package.json"))) return dir;
  // Installed beside the cache and renamed into place: two synths at once never see half a folder.
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(
    npm,
    [
      "install",
      `sharp@${version}`,
      "--prefix",
      staging,
      `--os=${lambdaPlatform.os}`,
      `--cpu=${lambdaPlatform.cpu}`,
      `--libc=${lambdaPlatform.libc}`,
      "--no-save",
      "--no-package-lock",
      "--ignore-scripts",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const installed = JSON.parse(readFileSync(path.join(staging, "node_modules", binary, "package.json"), "utf8")) as { version: string };
  if (installed.version !== lockedVersion(binary)) {
    throw new Error(`${binary} installed at ${installed.version}, but package-lock.json pins ${lockedVersion(binary)}`);
  }
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another synth put it in place first
  }
  return dir;
}
