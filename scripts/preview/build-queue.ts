/** A rebuild asked for: the paths that changed and when the first of them was seen. */
export interface BuildRequest {
  paths: string[];
  firstSeen: number;
}

/**
 * One build at a time: changes that come while a build runs are gathered into the one build after it, so a writer
 * who saves twice in quick succession gets a build of the second save, never two builds racing.
 */
export class BuildQueue {
  private queued: { paths: Set<string>; firstSeen: number } | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly build: (request: BuildRequest) => Promise<void>) {}

  request(paths: readonly string[], firstSeen: number): void {
    if (this.queued) for (const path of paths) this.queued.paths.add(path);
    else this.queued = { paths: new Set(paths), firstSeen };
    this.running ??= this.drain();
  }

  /** Resolves when no build runs and none is waiting. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** `build` reports its own failures: it must not throw. */
  private async drain(): Promise<void> {
    try {
      while (this.queued) {
        const { paths, firstSeen } = this.queued;
        this.queued = undefined;
        await this.build({ paths: [...paths].sort(), firstSeen });
      }
    } finally {
      this.running = undefined;
    }
  }
}
