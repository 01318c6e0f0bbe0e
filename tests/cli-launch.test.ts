// cli/launch.mjs: the editors' commands run from a kept bundle (cli/command-bundle.mjs), built anew whenever a byte it
// was built from changes.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { runCommand } from "./support/run-command";

interface Launcher {
  bundledEntry(entry: string, cacheDir: string): Promise<{ outfile: string; built: boolean }>;
}
const launcher = (): Promise<Launcher> => import(pathToFileURL(path.resolve("cli/command-bundle.mjs")).href);

/** A small program of three modules; two of them read `import.meta`, each its own, one of them a script. */
async function program(value: string) {
  const dir = await mkdtemp(path.join(tmpdir(), "kronika-launch-"));
  await mkdir(path.join(dir, "lib"));
  await writeFile(
    path.join(dir, "main.ts"),
    [
      `import { readFileSync } from "node:fs";`,
      `import { value } from "./value";`,
      `import { where } from "./lib/where";`,
      `export const answer: string = value;`,
      `export const beside = readFileSync(new URL("./beside.txt", import.meta.url), "utf8");`,
      `export const said = "import.meta.url";`,
      `export const places = [import.meta.filename, where];`,
      "",
    ].join("\n"),
  );
  await writeFile(path.join(dir, "value.ts"), `export const value = "${value}";\n`);
  // A #! line first, as a script has: it must stay first.
  await writeFile(path.join(dir, "lib", "where.ts"), "#!/usr/bin/env node\nexport const where = import.meta.url;\n");
  await writeFile(path.join(dir, "beside.txt"), "read from the source's folder");
  return { dir, entry: path.join(dir, "main.ts"), cache: path.join(dir, "cache") };
}

const load = async (outfile: string) => {
  const { answer, beside, said, places } = (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
  return { answer, beside, said, places };
};

describe("cli/launch.mjs", () => {
  it("builds a bundle once and runs it while nothing it was built from changes", async () => {
    const { bundledEntry } = await launcher();
    const { dir, entry, cache } = await program("first");
    const built = await bundledEntry(entry, cache);
    expect(built.built).toBe(true);
    expect(await load(built.outfile)).toEqual({
      answer: "first",
      beside: "read from the source's folder",
      said: "import.meta.url",
      places: [path.join(dir, "main.ts"), pathToFileURL(path.join(dir, "lib", "where.ts")).href],
    });
    const kept = await bundledEntry(entry, cache);
    expect(kept).toEqual({ outfile: built.outfile, built: false });
  });

  it("builds anew when a source file changes, even to the same size with its old modification time", async () => {
    const { bundledEntry } = await launcher();
    const { dir, entry, cache } = await program("first");
    const before = await bundledEntry(entry, cache);
    const file = path.join(dir, "value.ts");
    const { atime, mtime } = await stat(file);
    await writeFile(file, `export const value = "fifth";\n`);
    await utimes(file, atime, mtime);
    const after = await bundledEntry(entry, cache);
    expect(after.built).toBe(true);
    expect(after.outfile).not.toBe(before.outfile);
    expect((await load(after.outfile)).answer).toBe("fifth");
  });

  it("builds anew when a file the bundle was built from is gone", async () => {
    const { bundledEntry } = await launcher();
    const { dir, entry, cache } = await program("first");
    await bundledEntry(entry, cache);
    await writeFile(path.join(dir, "other.ts"), `export const value = "moved";\n`);
    await writeFile(path.join(dir, "value.ts"), `export { value } from "./other";\n`);
    expect((await load((await bundledEntry(entry, cache)).outfile)).answer).toBe("moved");
    expect((await readdir(cache)).filter((f) => f.endsWith(".json"))).toHaveLength(1);
  });

  it("builds anew when a new file changes what an import resolves to", async () => {
    const { bundledEntry } = await launcher();
    const { dir, entry, cache } = await program("first");
    await rm(path.join(dir, "value.ts"));
    await mkdir(path.join(dir, "value"));
    await writeFile(path.join(dir, "value", "index.ts"), `export const value = "from value/index.ts";\n`);
    expect((await load((await bundledEntry(entry, cache)).outfile)).answer).toBe("from value/index.ts");
    // value.ts now stands beside value/, and an import of "./value" takes it: no byte read before changed.
    await writeFile(path.join(dir, "value.ts"), `export const value = "from value.ts";\n`);
    const after = await bundledEntry(entry, cache);
    expect(after.built).toBe(true);
    expect((await load(after.outfile)).answer).toBe("from value.ts");
  });

  it("keeps the bundle while an editor's swap file comes and goes beside the sources", async () => {
    const { bundledEntry } = await launcher();
    const { dir, entry, cache } = await program("first");
    const { outfile } = await bundledEntry(entry, cache);
    await writeFile(path.join(dir, ".value.ts.swp"), "vim");
    await writeFile(path.join(dir, "notes.md"), "# notes");
    expect(await bundledEntry(entry, cache)).toEqual({ outfile, built: false });
  });

  it("builds anew when the kept bundle was cut short", async () => {
    const { bundledEntry } = await launcher();
    const { entry, cache } = await program("first");
    const { outfile } = await bundledEntry(entry, cache);
    await writeFile(outfile, "");
    const again = await bundledEntry(entry, cache);
    expect(again).toEqual({ outfile, built: true });
    expect((await load(outfile)).answer).toBe("first");
  });

  it("keeps the bundles of two copies of a program apart when they share the cache", async () => {
    const { bundledEntry } = await launcher();
    const first = await program("first");
    const copy = await mkdtemp(path.join(tmpdir(), "kronika-launch-copy-"));
    await cp(first.dir, copy, { recursive: true });
    await writeFile(path.join(copy, "value.ts"), `export const value = "copied";\n`);
    const ofFirst = await bundledEntry(first.entry, first.cache);
    const ofCopy = await bundledEntry(path.join(copy, "main.ts"), first.cache);
    expect(ofCopy.outfile).not.toBe(ofFirst.outfile);
    expect((await load(ofCopy.outfile)).answer).toBe("copied");
    expect((await bundledEntry(first.entry, first.cache)).built).toBe(false);
  });

  it("runs content:check with the same output and exit code as its source", async () => {
    const dir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/zly.md": eventFile({ title: "Zły", date: "{ julian: 1917-10-25, gregorian: 1917-11-08 }", sources: ["opracowanie"] }),
    });
    const launched = await runCommand("check", ["--content", dir]);
    const fromSource = await promisify(execFile)(process.execPath, ["--import", "tsx", "cli/check.ts", "--content", dir]).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    expect(launched.code).toBe(1);
    expect(launched.stdout).toMatch(/calendar-mismatch|date/);
    expect(launched).toEqual(fromSource);
  });

  it("names the commands it runs when given another", async () => {
    for (const command of ["nonsense", "constructor", "__proto__"]) {
      const { code, stderr } = await runCommand(command as "check", []);
      expect(code).toBe(2);
      expect(stderr).toMatch(/usage: node cli\/launch\.mjs <check\|sync\|new>/);
    }
  });

  it("runs from a project reached through a symbolic link", async () => {
    const link = path.join(await mkdtemp(path.join(tmpdir(), "kronika-link-")), "project");
    await symlink(process.cwd(), link);
    const dir = await writeContentFolder({ "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article") });
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(link, "cli/launch.mjs"), "check", "--content", dir]);
    expect(stdout).toMatch(/0 errors, 0 warnings/);
  });
});
