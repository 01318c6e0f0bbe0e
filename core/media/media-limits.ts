// How large an image the content may hold. Checked from the file's size and its header, before any decoder
// sees it: a small file can declare a huge canvas (a decompression bomb), and decoding it would take gigabytes.

/** An image file: 20 MB. */
export const maxImageBytes = 20 * 1024 * 1024;

/** An image's canvas: 40 megapixels (e.g. 8000 × 5000). */
export const maxImagePixels = 40_000_000;

/** Media one event may show. */
export const maxMediaPerEvent = 10;
