export interface ServerSentEvent {
  readonly event: string;
  readonly id: string | null;
  readonly data: string;
  /** performance.now() when it arrived. */
  readonly receivedAt: number;
}

/** Reads a text/event-stream over real HTTP, as a browser's EventSource would, and keeps every event. */
export class SseClient {
  readonly events: ServerSentEvent[] = [];
  /** True once the server has ended the stream. */
  ended = false;
  private closed = false;

  private constructor(
    readonly status: number,
    readonly contentType: string | null,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: abort.signal,
    });
    const client = new SseClient(response.status, response.headers.get('content-type'), abort);
    if (response.body !== null && response.status === 200) {
      void client.read(response.body);
    } else {
      await response.body?.cancel();
    }
    return client;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close()
    }
    this.ended = true;
  }

  private parse(block: string): void {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || !line.includes(':')) {
        continue;
      }
      const at = line.indexOf(':');
      fields[line.slice(0, at)] = line.slice(at + 1).trimStart();
    }
    if (fields.data !== undefined) {
      this.events.push({
        event: fields.event ?? 'message',
        id: fields.id ?? null,
        data: fields.data,
        receivedAt: performance.now(),
      });
    }
  }

  /** The first event matching, waiting up to `timeoutMs`. */
  async next(predicate: (e: ServerSentEvent) => boolean, timeoutMs: number): Promise<ServerSentEvent> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found !== undefined) {
        return found;
      }
      if (performance.now() > deadline || this.closed) {
        throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): void {
    this.closed = true;
    this.abort.abort();
  }
}
