// The one retry policy, and the batch loop built on it, with a recorded sleep instead of a clock.
import { describe, expect, it } from "vitest";
import { withDeadline } from "../../core/store/deadline";
import { sendUntilProcessed } from "../../core/store/paging";
import { type Attempt, backoff, retrying } from "../../core/store/retry";
import { StoreUnavailableError } from "../../core/store/store-unavailable";

/** Options that record each pause instead of sleeping, and take the top of each jitter range. */
function recorded(maxAttempts: number) {
  const pauses: number[] = [];
  return {
    pauses,
    options: {
      maxAttempts,
      what: "DynamoDB GetItem",
      random: () => 1,
      sleep: async (ms: number) => {
        pauses.push(ms);
      },
    },
  };
}

/** An attempt that fails `failures` times, then gives "done". */
function failing(failures: number) {
  let calls = 0;
  const attempt = async (): Promise<Attempt<string>> => (++calls > failures ? { value: "done" } : { retry: `failure ${calls}` });
  return { attempt, calls: () => calls };
}

describe("the retry policy", () => {
  it("returns the first value, without pausing", async () => {
    const { pauses, options } = recorded(3);
    expect(await retrying(options, failing(0).attempt)).toBe("done");
    expect(pauses).toEqual([]);
  });

  it("pauses exponentially longer after each failure, up to the cap", async () => {
    const { pauses, options } = recorded(8);
    expect(await retrying(options, failing(7).attempt)).toBe("done");
    expect(pauses).toEqual([200, 400, 800, 1600, 2000, 2000, 2000]);
    expect(Math.max(...pauses)).toBe(backoff.capMs);
  });

  it("draws each pause at random below its bound (full jitter)", async () => {
    const { pauses, options } = recorded(3);
    await retrying({ ...options, random: () => 0.25 }, failing(2).attempt);
    expect(pauses).toEqual([50, 100]);
  });

  it("gives up after its attempts, saying the store is unavailable and why", async () => {
    const { options } = recorded(3);
    const tried = failing(10);
    const error = await retrying(options, tried.attempt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe("DynamoDB GetItem failed after 3 attempts: failure 3");
    expect((error as Error).cause).toBe("failure 3");
    expect(tried.calls()).toBe(3);
  });

  it("stops at once on an error the attempt throws", async () => {
    const { options } = recorded(5);
    let calls = 0;
    const refused = new Error("ValidationException");
    await expect(
      retrying(options, async () => {
        calls += 1;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);
  });

  it("stops at the request's deadline rather than pause past it, and tells each attempt the time left", async () => {
    const { pauses, options } = recorded(10);
    const timeLeft: number[] = [];
    const tried = failing(10);
    const error = await withDeadline(150, () =>
      retrying(options, (left) => {
        timeLeft.push(left);
        return tried.attempt();
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/no answer within the request's budget of 150 ms/);
    // The first pause (up to 200 ms) would end past the deadline: one attempt, no pause.
    expect(tried.calls()).toBe(1);
    expect(pauses).toEqual([]);
    expect(timeLeft[0]).toBeGreaterThan(0);
    expect(timeLeft[0]).toBeLessThanOrEqual(150);
  });

  it("makes no attempt once the deadline has passed", async () => {
    const { options } = recorded(3);
    const tried = failing(0);
    await expect(withDeadline(0, () => retrying(options, tried.attempt))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(tried.calls()).toBe(0);
  });
});

describe("sending a batch until DynamoDB has processed all of it", () => {
  it("sends again only what was left unprocessed", async () => {
    const sent: number[][] = [];
    await sendUntilProcessed(
      "DynamoDB BatchWriteItem",
      [1, 2, 3, 4],
      async (pending) => {
        sent.push(pending);
        return pending.slice(2);
      },
      5,
    );
    expect(sent).toEqual([
      [1, 2, 3, 4],
      [3, 4],
    ]);
  });

  it("pauses before each round after the first, as the retry policy does", async () => {
    const rounds: number[] = [];
    const started = performance.now();
    await sendUntilProcessed(
      "DynamoDB BatchWriteItem",
      [1, 2, 3],
      async (pending) => {
        rounds.push(performance.now() - started);
        return pending.slice(1);
      },
      5,
    );
    expect(rounds).toHaveLength(3);
    expect(rounds[0]).toBeLessThan(50);
  });

  it("sends nothing for an empty batch", async () => {
    let calls = 0;
    await sendUntilProcessed(
      "DynamoDB BatchGetItem",
      [],
      async () => {
        calls += 1;
        return [];
      },
      5,
    );
    expect(calls).toBe(0);
  });

  it("says the store is unavailable when items stay unprocessed through every attempt", async () => {
    const error = await withDeadline(60_000, () =>
      sendUntilProcessed("DynamoDB BatchGetItem", ["a", "b"], async (pending) => pending, 2),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe("DynamoDB BatchGetItem failed after 2 attempts: 2 left unprocessed");
  });
});
