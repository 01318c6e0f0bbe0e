// How renditions are served, declared once for the local server (cli/media-server.ts), the objects the sync
// writes to S3 and CloudFront's response headers: a name never changes meaning, so caches may keep it a year.

/** The path renditions are served under, same origin as the API: /media/<key>. */
export const mediaPath = "/media";

/** Content-addressed: immutable for a year. */
export const renditionCacheControl = "public, max-age=31536000, immutable";

/**
 * Every media response: an SVG opened on its own may run nothing, load nothing and submit nothing; a raster
 * image is unaffected. With `X-Content-Type-Options: nosniff`, a browser never reads a rendition as anything
 * but its Content-Type.
 */
export const mediaContentSecurityPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/** The URL path of a rendition's key. */
export const mediaUrl = (key: string, base = mediaPath) => `${base}/${key}`;
