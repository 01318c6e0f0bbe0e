// Building the page from data: elements with text set as text (never parsed as HTML), attributes and
// children. HTML is inserted only where the API says it is sanitized HTML (bodies, formatted citations).
type Child = Node | string | number | false | null | undefined;
type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function h(tag: string, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.slice(2).toLowerCase(), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "object" ? child : String(child));
  }
  return element;
}

/** An element holding HTML the API sanitized (a rendered body, a formatted citation). */
export function sanitizedHtml(tag: string, html: string, attributes: Attributes = {}): HTMLElement {
  const element = h(tag, attributes);
  element.innerHTML = html;
  return element;
}
