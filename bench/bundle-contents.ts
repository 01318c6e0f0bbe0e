// What a bundle is made of, from esbuild's metafile: output bytes by package (or by Kronika's folder),
// largest first.
import type { Metafile } from "esbuild";

export interface Contributor {
  /** An npm package (`graphql`, `@pothos/core`) or one of Kronika's folders (`core/store`). */
  name: string;
  bytes: number;
}

/**
 * The package a bundled file belongs to (a copy nested under another package is named with it, since it is
 * a second copy), else its first two folders.
 */
export function contributorOf(file: string): string {
  const packages = [...file.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((match) => match[1]);
  if (packages.length > 0) return packages.length === 1 ? packages[0] : `${packages.at(-1)} (in ${packages.at(-2)})`;
  const parts = file.split("/");
  return parts.length > 2 ? parts.slice(0, 2).join("/") : file;
}

export function bundleContents(metafile: Metafile, outfile: string): Contributor[] {
  const output = Object.entries(metafile.outputs).find(([name]) => outfile.endsWith(name) || name.endsWith(outfile))?.[1];
  if (!output) throw new Error(`no output ${outfile} in the metafile`);
  const bytes = new Map<string, number>();
  for (const [file, input] of Object.entries(output.inputs)) {
    const name = contributorOf(file);
    bytes.set(name, (bytes.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...bytes].map(([name, count]) => ({ name, bytes: count })).sort((a, b) => b.bytes - a.bytes);
}
