// A CloudFront Function for a static site under a path: S3 has no folder index, so `/graphiql/` would be
// asked for the key `graphiql/`, which does not exist (and, without list rights, is answered 403). The
// function serves `index.html` for any address that ends in `/`. The distribution's root has its own
// setting for this (defaultRootObject), which does not reach below `/`.
/** The function's source, in the cloudfront-js-2.0 runtime (ES5 plus a few newer features). */
export const directoryIndexSource = `function handler(event) {
  var request = event.request;
  if (request.uri.endsWith("/")) request.uri += "index.html";
  return request;
}`;
