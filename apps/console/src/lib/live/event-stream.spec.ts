import { describe, expect, it } from 'vitest';
import { readEventStream, type StreamEvent } from './event-stream.js';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(encoder.encode(chunk));
      }
      controller.close();
    },
  });
}

describe('reading a server-sent event stream', () => {
  it('hands over each event, whatever the chunk boundaries, skipping comments', async () => {
    const events: StreamEvent[] = [];
    await readEventStream(
      streamOf([
        ': keep-alive\n\nevent: unr',
        'ead\ndata: {"unreadCount":2}\n\n',
        'event: notification\r\ndata: {"id":"n-1",\r\ndata: "title":"Failed"}\r\n\r\n',
        'data: plain\n\n',
      ]),
      (event) => events.push(event),
    );
    expect(events).toEqual([
      { event: 'unread', data: '{"unreadCount":2}' },
      { event: 'notification', data: '{"id":"n-1",\n"title":"Failed"}' },
      { event: 'message', data: 'plain' },
    ]);
  });
});
