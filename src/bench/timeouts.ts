/** Upper bound for one child measurement (a wedged child must not hang the benchmark). */
export const measureTimeout = 5 * 60 * 1000;

/** Upper bound for one cold start. */
export const coldStartTimeout = 60 * 1000;
