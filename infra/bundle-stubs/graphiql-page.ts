// Stands in for graphql-yoga's default GraphiQL page (esm/graphiql-html.js) in the functions' bundles: no
// function renders GraphiQL (the GraphQL function sends browsers to the GraphiQL site; the local server
// renders its own page, @graphql-yoga/render-graphiql). Yoga reads the page by calling its `replace`: were it
// ever asked for, this says so rather than serve nothing.
const graphiqlPage = {
  replace(): never {
    throw new Error("graphql-yoga's default GraphiQL page is not in this bundle: pass renderGraphiQL, or graphiql: false");
  },
};

export default graphiqlPage;
