import { describe, expect, it } from 'vitest';
import type { Clock } from '@chorus/connector-sdk';
import { waitForContainer, type ContainerReading } from './container-poller.js';

function fakeClock(): Clock {
  let now = 0;
  return { now: () => new Date(now), sleep: (ms) => ((now += ms), Promise.resolve()) };
}

const poll = (readings: ContainerReading[], timeoutMs = 10_000) => {
  let index = 0;
  return waitForContainer(() => Promise.resolve(readings[Math.min(index++, readings.length - 1)]!), {
    clock: fakeClock(),
    intervalMs: 1000,
    timeoutMs,
    network: 'Instagram',
  });
};

describe('waitForContainer (network-apis.md 3.2, 4.2)', () => {
  it('polls IN_PROGRESS until FINISHED, and stops at PUBLISHED', async () => {
    expect(await poll([{ state: 'IN_PROGRESS' }, { state: 'IN_PROGRESS' }, { state: 'FINISHED' }])).toBe(
      'FINISHED',
    );
    expect(await poll([{ state: 'PUBLISHED' }])).toBe('PUBLISHED');
  });

  it('ERROR is invalid content carrying the status text; EXPIRED is retriable (a new container is safe)', async () => {
    await expect(poll([{ state: 'ERROR', detail: 'Error: media type 2207026' }])).rejects.toMatchObject({
      kind: 'invalid-content',
      message: expect.stringContaining('2207026') as unknown,
    });
    await expect(poll([{ state: 'EXPIRED' }])).rejects.toMatchObject({ kind: 'retriable' });
  });

  it('ERROR with a subcode a new container may cure (2207001/003/032/053/082) is retriable, not refused', async () => {
    for (const subcode of [2207001, 2207003, 2207032, 2207053, 2207082]) {
      await expect(
        poll([{ state: 'ERROR', detail: `Error: The media could not be processed. ${subcode}` }]),
      ).rejects.toMatchObject({
        kind: 'retriable',
        message: expect.stringContaining(String(subcode)) as unknown,
      });
    }
    await expect(poll([{ state: 'ERROR', detail: 'Error: 2207004' }])).rejects.toMatchObject({
      kind: 'invalid-content',
    });
  });

  it('gives up as retriable after the timeout, nothing having been published', async () => {
    await expect(poll([{ state: 'IN_PROGRESS' }], 3000)).rejects.toMatchObject({ kind: 'retriable' });
  });
});
