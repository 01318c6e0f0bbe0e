// Stands in for `urlpattern-polyfill` in the functions' bundles (Node 22 has no URLPattern of its own).
// Yoga builds one pattern, from its literal GraphQL endpoint, to tell its own path from others: this
// matches that literal path exactly, as URLPattern does, and refuses any pattern syntax it does not know.
const patternSyntax = /[:*(){}?+\\]/;

export class URLPattern {
  readonly pathname: string;

  constructor(init: { pathname?: string } | string) {
    if (typeof init !== "object" || init === null || Object.keys(init).some((key) => key !== "pathname")) {
      throw new TypeError("this URLPattern takes only { pathname }");
    }
    const pathname = init.pathname ?? "*";
    if (patternSyntax.test(pathname)) throw new TypeError(`this URLPattern takes only a literal path, not ${pathname}`);
    this.pathname = pathname;
  }

  test(input: URL | string | { pathname?: string }): boolean {
    const pathname = typeof input === "string" ? new URL(input).pathname : input.pathname;
    return pathname === this.pathname;
  }

  exec(): never {
    throw new TypeError("this URLPattern only tests a literal path");
  }
}
