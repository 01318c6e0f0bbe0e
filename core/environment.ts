// The environment variables Kronika reads, named once: the stack (infra/) sets them on the functions by
// these names, and the functions, the CLI and the local server read them by the same names.

/** Each variable by what it says, with who sets it and who reads it. */
export const environment = {
  /** The table's name (default `kronika`): set on every function by the stack, read by the functions and every command. */
  tableName: "KRONIKA_TABLE",
  /** A DynamoDB endpoint such as DynamoDB Local's; unset in AWS, where the region's own endpoint is used. */
  endpoint: "DYNAMODB_ENDPOINT",
  /** The revision id a sync records (a git commit): set on the sync function by the stack, or by hand for the CLI. */
  revision: "KRONIKA_REVISION",
  /** `true` lets a sync delete more than half of what is published: set on the sync function by the stack. */
  allowMassDelete: "KRONIKA_ALLOW_MASS_DELETE",
  /**
   * `true` makes the deploy-time sync publish drafts, marked as drafts: set on the sync function by the stack
   * for a pull request's preview stage only.
   */
  publishDrafts: "KRONIKA_PUBLISH_DRAFTS",
  /** The CloudFront distribution whose cached responses a sync invalidates: set on the sync function by the stack. */
  distributionId: "KRONIKA_DISTRIBUTION_ID",
  /** The S3 bucket the sync function writes media renditions to (under media/): set on it by the stack. */
  mediaBucket: "KRONIKA_MEDIA_BUCKET",
  /** Where browsers that open the GraphQL endpoint are sent: set on the GraphQL function by the stack. */
  graphiqlPath: "KRONIKA_GRAPHIQL_PATH",
  /** Comma-separated origins that CORS allows (default: any), for the GraphQL function. */
  corsOrigins: "KRONIKA_CORS_ORIGINS",
  /**
   * `true` makes the GraphQL function run only persisted operations (functions/persisted-operations.json) and
   * refuse documents sent as text: set on it by the stack (`-c persistedOperationsOnly=true`; default `false`).
   */
  persistedOperationsOnly: "KRONIKA_PERSISTED_OPERATIONS_ONLY",
  /** Per-request log lines: `off` silences the functions'; `npm start` prints them only with `json`. */
  log: "KRONIKA_LOG",
  /**
   * The stage `cdk synth` and `cdk deploy` build when `-c stage` is not given (default `dev`); set on the sync
   * function by the stack, which names it in its "Revision published" event.
   */
  stage: "KRONIKA_STAGE",
  /**
   * The EventBridge bus the sync function puts its "Revision published" event on (`default`): set on the sync
   * function by the stack. Unset, no event is put.
   */
  eventBus: "KRONIKA_EVENT_BUS",
  /** The port `npm start` listens on (default 4000). */
  port: "PORT",
  /** The address `npm start` listens on (default 127.0.0.1). */
  host: "HOST",
} as const;

/**
 * The AWS SDK's own variables that Kronika reads too: a command touches AWS only when one of them says which
 * region or profile to use, never from a default it happens to find.
 */
export const awsVariables = {
  region: "AWS_REGION",
  defaultRegion: "AWS_DEFAULT_REGION",
  profile: "AWS_PROFILE",
} as const;

/**
 * The AWS SDKs' service endpoint variables that Kronika's own AWS calls honour too: unset in AWS, a local
 * stand-in's address in tests.
 */
export const awsEndpointVariables = {
  /** Where the sync function's PutEvents goes. */
  eventBridge: "AWS_ENDPOINT_URL_EVENTBRIDGE",
  /** Where the sync function writes renditions (path-style: <endpoint>/<bucket>/<key>). */
  s3: "AWS_ENDPOINT_URL_S3",
} as const;

/** What the Lambda runtime sets on every function, read by the GraphQL function. */
export const lambdaVariables = {
  /** The function's name: the dimension of the request metrics it logs (functions/request-metrics.ts). */
  functionName: "AWS_LAMBDA_FUNCTION_NAME",
} as const;

/** The name of one of Kronika's variables. */
export type EnvironmentVariable = (typeof environment)[keyof typeof environment] | (typeof limitVariables)[keyof typeof limitVariables];

/** One variable per request limit of the GraphQL function (functions/limits.ts): a positive integer replacing its default. */
export const limitVariables = {
  depth: "KRONIKA_LIMIT_DEPTH",
  introspectionDepth: "KRONIKA_LIMIT_INTROSPECTION_DEPTH",
  aliases: "KRONIKA_LIMIT_ALIASES",
  directives: "KRONIKA_LIMIT_DIRECTIVES",
  tokens: "KRONIKA_LIMIT_TOKENS",
  cost: "KRONIKA_LIMIT_COST",
  bodyBytes: "KRONIKA_LIMIT_BODY_BYTES",
  responseBytes: "KRONIKA_LIMIT_RESPONSE_BYTES",
  resultCacheBytes: "KRONIKA_LIMIT_RESULT_CACHE_BYTES",
  getCacheBytes: "KRONIKA_LIMIT_GET_CACHE_BYTES",
  documentCacheBytes: "KRONIKA_LIMIT_DOCUMENT_CACHE_BYTES",
  requestMs: "KRONIKA_LIMIT_REQUEST_MS",
} as const;
