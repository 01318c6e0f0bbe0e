// How fast the editors' loop reads and checks a large collection, measured against a floor in the same
// process (a shared machine makes absolute times meaningless); npm run bench gives the figures.
import { closeSync, openSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCollection } from "../bench/generate-collection";
import { listContentFiles, loadContent } from "../core/content/load";

const fastest = async (runs: number, run: () => unknown) => {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
};

describe("reading and checking a large collection", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kronika-speed-"));
    await generateCollection(dir, 2000, 200);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("loads the files at close to the cost of reading each one in turn", async () => {
    const { files } = listContentFiles(dir);
    const floor = await fastest(5, () => {
      for (const { file } of files) {
        const descriptor = openSync(file, "r");
        readFileSync(descriptor, "utf8");
        closeSync(descriptor);
      }
    });
    const loading = await fastest(5, () => loadContent(dir));
    expect(loading / floor).toBeLessThan(2.5);
  });
});
