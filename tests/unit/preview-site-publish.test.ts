import { describe, expect, it } from "vitest";
import { fingerprintedName, fingerprintSite } from "../../infra/preview-site";

const page = (script: string, styles: string) =>
  `<html><head><link rel="icon" href="data:," /><link rel="stylesheet" href="${styles}" /><script type="module" src="${script}"></script></head><body><a href="#main">Skip</a></body></html>`;

describe("publishing the preview site", () => {
  it("renames every asset after its content and points the page at the new names, leaving other links alone", () => {
    const site = fingerprintSite({ "index.html": page("app.js", "styles.css"), "app.js": "console.log(1)", "styles.css": "body{}" });
    const script = fingerprintedName("app.js", "console.log(1)");
    const styles = fingerprintedName("styles.css", "body{}");
    expect(script).toMatch(/^app\.[0-9a-f]{10}\.js$/);
    expect(styles).toMatch(/^styles\.[0-9a-f]{10}\.css$/);
    expect([...site.assets]).toEqual([
      [script, "console.log(1)"],
      [styles, "body{}"],
    ]);
    expect([...site.pages]).toEqual([["index.html", page(script, styles)]]);
  });

  it("gives an asset a new name when, and only when, its content changes", () => {
    expect(fingerprintedName("app.js", "a")).toBe(fingerprintedName("app.js", "a"));
    expect(fingerprintedName("app.js", "a")).not.toBe(fingerprintedName("app.js", "b"));
    const names = (script: string) => [
      ...fingerprintSite({ "index.html": page("app.js", "s.css"), "app.js": script, "s.css": "" }).assets.keys(),
    ];
    expect(names("v1")[1]).toBe(names("v2")[1]);
    expect(names("v1")[0]).not.toBe(names("v2")[0]);
  });

  it("refuses a site with an asset no page names, which would be lost under its new name", () => {
    expect(() =>
      fingerprintSite({ "index.html": page("app.js", "styles.css"), "app.js": "", "styles.css": "", "font.woff2": "x" }),
    ).toThrow(/font\.woff2/);
  });
});
