// Lets requests just begun reach the network before synchronous work holds the thread. Node sends a request
// only as the event loop turns: a connection is opened on the next tick and its request written once the
// socket connects, and the AWS SDK's middleware runs in promise callbacks. A read begun right before a long
// synchronous step (checking the content) would otherwise leave only after that step, and its whole round
// trip follow the step instead of overlapping it.

/**
 * Turns of the event loop that get a request out on a new connection to a nearby endpoint (DynamoDB Local):
 * one to connect, one to write, one to spare. A connection that needs a TLS handshake over a network takes
 * round trips no number of turns can wait for: such a request leaves when the step is done, as before.
 */
const turns = 3;

export async function letRequestsLeave(): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}
