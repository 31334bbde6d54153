/**
 * Answers that must not tell whether an account exists (sign-up, password reset, invitation) take the same time
 * whichever way they went: the work runs, then the answer waits until a floor well above that work's usual cost
 * (one argon2id hash and a few writes). Doing the same argon2 work on both paths keeps the CPU load alike too.
 */
export const UNIFORM_ANSWER_MS = 400;

export async function inUniformTime<T>(work: () => Promise<T>, floorMs = UNIFORM_ANSWER_MS): Promise<T> {
  const startedAt = performance.now();
  try {
    return await work();
  } finally {
    const left = floorMs - (performance.now() - startedAt);
    if (left > 0) {
      await new Promise((resolve) => setTimeout(resolve, left));
    }
  }
}
