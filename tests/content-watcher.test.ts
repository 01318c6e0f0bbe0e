// `npm start` follows every way an editor saves: in place, by writing a copy and renaming it over the file
// (vim, JetBrains IDEs, `sed -i`), deleting, and a folder made after it started.
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freePort } from "./support/free-port";
import { postTo, titleAt } from "./support/graphql";
import { type StartedProcess, startKronika } from "./support/start-process";

describe("npm start's watcher", () => {
  let kronika: StartedProcess;
  let contentDir: string;
  let url: string;

  const query = (text: string) => postTo(url, text);
  const titleOf = (slug: string) => titleAt(url, slug);
  /** Waits until `check` holds: a save shows within a second or two, given ten on a busy machine. */
  const eventually = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000) => {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms:\n${kronika.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const event = (title: string, extra: { people?: string[] } = {}) =>
    eventFile({ title, date: "{ julian: 1917-10-25 }", sources: ["opracowanie"], ...extra });
  /** Saves as vim, JetBrains IDEs and `sed -i` do: a new file, renamed over the old one (a new inode). */
  const saveByRename = async (file: string, text: string) => {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.swp`);
    await writeFile(temporary, text);
    await rename(temporary, file);
  };

  beforeAll(async () => {
    contentDir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/szturm.md": event("Szturm"),
      "events/zjazd.md": event("II Zjazd Rad"),
    });
    // The collection has no people yet: their folder is made while `npm start` runs.
    await rm(path.join(contentDir, "people"), { recursive: true });
    const port = await freePort();
    url = `http://127.0.0.1:${port}/graphql`;
    kronika = startKronika(["--content", contentDir], { PORT: String(port) });
    await kronika.waitFor(/watching .* for changes/, 90_000);
  });
  afterAll(() => kronika?.stop());

  it("follows a file saved by renaming a new copy over it, and every save after that", async () => {
    const file = path.join(contentDir, "events", "szturm.md");
    await saveByRename(file, event("Szturm, zapisany jak w vim"));
    await eventually("the renamed save", async () => (await titleOf("szturm")) === "Szturm, zapisany jak w vim");
    // The file is a new inode now: a watcher that followed the old one misses what follows.
    await writeFile(file, event("Szturm, potem na miejscu"));
    await eventually("an in-place save after the rename", async () => (await titleOf("szturm")) === "Szturm, potem na miejscu");
    await saveByRename(file, event("Szturm, znów przez rename"));
    await eventually("a second renamed save", async () => (await titleOf("szturm")) === "Szturm, znów przez rename");
  });

  it("reports an error saved by rename, and serves the fix saved the same way", async () => {
    const file = path.join(contentDir, "events", "szturm.md");
    await saveByRename(file, "---\ntitle: [Szturm\n---\n");
    await kronika.waitFor(/szturm\.md:\d+:\d+: error/, 10_000);
    expect(await titleOf("szturm")).toBe("Szturm, znów przez rename");
    await saveByRename(file, event("Szturm naprawiony"));
    await eventually("the fix", async () => (await titleOf("szturm")) === "Szturm naprawiony");
  });

  it("stops serving a deleted event", async () => {
    await rm(path.join(contentDir, "events", "zjazd.md"));
    await eventually("the deletion", async () => (await titleOf("zjazd")) === null);
  });

  it("follows a folder made after it started, and the files saved in it", async () => {
    await mkdir(path.join(contentDir, "people"));
    await writeFile(path.join(contentDir, "people", "lew-trocki.yaml"), "name: Lew Trocki\naliases: []\n");
    await writeFile(path.join(contentDir, "events", "szturm.md"), event("Szturm z Trockim", { people: ["Lew Trocki"] }));
    const peopleOf = async () =>
      (await query(`{ event(slug: "szturm") { people { name } } }`)).data.event?.people?.map((p: { name: string }) => p.name);
    await eventually("the new person", async () => (await peopleOf())?.join() === "Lew Trocki");
    // A save inside the new folder is seen too.
    await saveByRename(path.join(contentDir, "people", "lew-trocki.yaml"), "name: Lew Dawidowicz Trocki\naliases: [Lew Trocki]\n");
    await eventually("the person renamed", async () => (await peopleOf())?.join() === "Lew Dawidowicz Trocki");
  });
});
