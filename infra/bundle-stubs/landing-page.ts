// Stands in for graphql-yoga's landing page (esm/landing-page-html.js, 12 KB of HTML) in the functions'
// bundles: yoga serves it only with `landingPage` on, and every Kronika app runs with it off (functions/app.ts).
// Yoga reads the page by calling its `replace`: were it ever asked for, this says so rather than serve nothing.
const landingPage = {
  replace(): never {
    throw new Error("graphql-yoga's landing page is not in this bundle: createYoga must run with landingPage: false");
  },
};

export default landingPage;
