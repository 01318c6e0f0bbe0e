// Stands in for `@fastify/busboy`, the multipart parser of `@whatwg-node/node-fetch`'s `Body.formData()`,
// in the functions' bundles: no function reads a multipart body (yoga runs with `multipart: false`).
export class Busboy {
  constructor() {
    throw new Error("multipart bodies are not read by this function");
  }
}
