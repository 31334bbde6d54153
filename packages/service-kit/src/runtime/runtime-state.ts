/** Flags the readiness probe reads; flipped by the shutdown sequence. */
export class RuntimeState {
  shuttingDown = false;
}
