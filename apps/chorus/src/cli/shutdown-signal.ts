/** SIGINT/SIGTERM run the shutdown once; a second signal while it runs exits at once. */
export function onShutdownSignal(shutdown: () => Promise<void>): void {
  let running = false;
  const handler = (signal: NodeJS.Signals) => {
    if (running) {
      process.exit(130);
    }
    running = true;
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown after ${signal} failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
