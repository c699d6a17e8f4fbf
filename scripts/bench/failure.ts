/** A bench that could not measure what it meant to (a run failed or did other work): reported, exit 1. */
export class BenchFailure extends Error {}
