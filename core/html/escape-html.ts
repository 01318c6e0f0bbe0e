// Plain text made safe to place in HTML, as element content or a quoted attribute value.
const entities = new Map([
  ["&", "&amp;"],
  ["<", "&lt;"],
  [">", "&gt;"],
  ['"', "&quot;"],
  ["'", "&#39;"],
]);

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities.get(c) as string);
