/** A missing or invalid environment variable; the message names each variable and how to fix it. */
export class InvalidConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; problem: string; hint: string | undefined }[]) {
    super(
      [
        'Chorus cannot start: the configuration is invalid.',
        ...problems.map(
          (p) =>
            `  - ${p.variable}: ${p.problem}.${p.hint === undefined ? '' : ` Set ${p.variable} to ${p.hint}.`}`,
        ),
      ].join('\n'),
    );
    this.name = 'InvalidConfigError';
  }
}
