// The preview site (preview/site.ts) as the stack publishes it: its script and styles renamed by a hash of
// their content, so browsers and CloudFront may keep them for a year, and the page that names them, which
// is revalidated on every visit so a deploy shows at once.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type PreviewSiteOptions, previewSiteFiles } from "../preview/site";

/** The site in two parts, as two folders: each is uploaded with its own caching. */
export interface PublishedPreviewSite {
  /** The pages (index.html), revalidated on every visit. */
  readonly pages: ReadonlyMap<string, string>;
  /** Everything the pages load, under names that change with their content. */
  readonly assets: ReadonlyMap<string, string>;
}

/** The same folders, written out for the stack's deployments. */
export interface PreviewSiteFolders {
  readonly pagesDir: string;
  readonly assetsDir: string;
}

const isPage = (name: string) => name.endsWith(".html");

/** `app.js` → `app.1a2b3c4d5e.js`: ten hex digits of the content's SHA-256. */
export function fingerprintedName(name: string, content: string): string {
  const extension = path.extname(name);
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  return `${name.slice(0, name.length - extension.length)}.${hash}${extension}`;
}

/**
 * Renames every file but the pages after its content and rewrites the pages' `src` and `href` attributes to
 * match. A file that no page names could not be found under its new name: that is a change to the site this
 * function does not know, and stops the build.
 */
export function fingerprintSite(files: Record<string, string>): PublishedPreviewSite {
  const renamed = new Map<string, string>();
  const assets = new Map<string, string>();
  const pages = new Map<string, string>();
  for (const [name, content] of Object.entries(files)) {
    if (isPage(name)) continue;
    const published = fingerprintedName(name, content);
    renamed.set(name, published);
    assets.set(published, content);
  }
  const named = new Set<string>();
  for (const [name, content] of Object.entries(files)) {
    if (!isPage(name)) continue;
    pages.set(
      name,
      content.replace(/\b(src|href)="([^"]*)"/g, (attribute, key: string, reference: string) => {
        const published = renamed.get(reference);
        if (published === undefined) return attribute;
        named.add(reference);
        return `${key}="${published}"`;
      }),
    );
  }
  const unnamed = [...renamed.keys()].filter((name) => !named.has(name));
  if (unnamed.length > 0) throw new Error(`preview site: no page names ${unnamed.join(", ")} in a src or href attribute`);
  return { pages, assets };
}

/** Builds the site for an endpoint on the same origin and writes its two parts into new temporary folders. */
export function writePublishedPreviewSite(options: PreviewSiteOptions): PreviewSiteFolders {
  const site = fingerprintSite(previewSiteFiles(options));
  const write = (prefix: string, files: ReadonlyMap<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of files) writeFileSync(path.join(dir, name), content);
    return dir;
  };
  return { pagesDir: write("kronika-preview-pages-", site.pages), assetsDir: write("kronika-preview-assets-", site.assets) };
}
