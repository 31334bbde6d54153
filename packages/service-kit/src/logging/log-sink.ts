/** Where JSON log lines go: stdout by default, an array in tests. */
export type LogSink = (line: string) => void;

export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};
