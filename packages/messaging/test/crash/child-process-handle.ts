import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A child Node process the crash test kills with SIGKILL and starts again. It counts as started once it
 * prints `ready`; one that dies before that (the broker it needs is down) is started again until the deadline.
 */
export class ChildProcessHandle {
  private child: ChildProcess | null = null;
  private readonly output: string[] = [];
  kills = 0;
  unexpectedExits = 0;

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async start(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await this.spawnOnce(deadline - Date.now())) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.name} did not start:\n${this.tail()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  async kill9(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) {
      return;
    }
    this.kills++;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  tail(lines = 40): string {
    return this.output.slice(-lines).join('');
  }

  /** Resolves true once the process printed `ready`, false if it exited first. */
  private spawnOnce(timeoutMs: number): Promise<boolean> {
    const child = spawn(process.execPath, [this.script], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stderr.on('data', (chunk: Buffer) => this.keep(chunk));
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), Math.max(timeoutMs, 1_000));
      let ready = false;
      child.stdout.on('data', (chunk: Buffer) => {
        this.keep(chunk);
        if (!ready && chunk.toString().includes('ready')) {
          ready = true;
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        this.keep(`[${this.name} exited: ${code ?? signal}]\n`);
        if (this.child === child) {
          this.child = null;
          // Like a process supervisor: a crash after start-up is counted (and reported), then restarted.
          if (ready) {
            this.unexpectedExits++;
            void this.start().catch(() => undefined);
          }
        }
        resolve(false);
      });
    });
  }

  private keep(chunk: Buffer | string): void {
    this.output.push(chunk.toString());
    if (this.output.length > 500) {
      this.output.splice(0, 100);
    }
  }
}
