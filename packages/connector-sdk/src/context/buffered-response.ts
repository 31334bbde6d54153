/**
 * A `Response` whose body is read into memory as it arrives (from node:http), without web streams: reading
 * it costs a Buffer, not a stream pipeline. It behaves as fetch's response does for what connectors use:
 * status, headers, url, redirected, text(), json(), arrayBuffer(), bytes(), blob(), formData(), clone(), and
 * a body stream made on demand. A body cut short rejects its readers (TypeError "terminated", as fetch's do),
 * while status and headers are already there: a truncated 429 is still a 429.
 */
// Response as a base class, typed by what this class reads of it: Node's typings declare the members it
// replaces as properties, which a subclass may not redefine as methods or accessors in TypeScript.
const ResponseBase = Response as unknown as new (
  body: null,
  init: { status: number; statusText: string; headers: Headers },
) => { readonly headers: Headers; readonly status: number; readonly statusText: string };

export class BufferedResponse extends ResponseBase {
  readonly #bytes: Promise<Buffer>;
  readonly #url: string;
  readonly #redirected: boolean;
  readonly #nullBody: boolean;
  readonly #stop: () => void;
  #used = false;
  #stream: ReadableStream<Uint8Array> | null | undefined;

  constructor(
    bytes: Promise<Buffer>,
    init: { status: number; statusText: string; headers: Headers },
    meta: { url: string; redirected: boolean; nullBody: boolean; stop: () => void },
  ) {
    super(null, init);
    // Nobody may read the body; its failure must not surface as an unhandled rejection.
    bytes.catch(() => undefined);
    this.#bytes = bytes;
    this.#url = meta.url;
    this.#redirected = meta.redirected;
    this.#nullBody = meta.nullBody;
    this.#stop = meta.stop;
  }

  /** Settles when the body has arrived, failed or was cancelled (the HTTP client then lets go of its signals). */
  get settled(): Promise<void> {
    return this.#bytes.then(
      () => undefined,
      () => undefined,
    );
  }

  get url(): string {
    return this.#url;
  }

  get redirected(): boolean {
    return this.#redirected;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.#nullBody) {
      return null;
    }
    if (this.#stream === undefined) {
      const read = () => this.#consume();
      const stop = this.#stop;
      // Pulled only when someone reads it (high-water mark 0): taking the stream and cancelling it reads nothing.
      this.#stream = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            try {
              controller.enqueue(new Uint8Array(await read()));
              controller.close();
            } catch (error) {
              controller.error(error);
            }
          },
          // Cancelled unread (a page too large for a preview): stop downloading it.
          cancel() {
            stop();
          },
        },
        { highWaterMark: 0 },
      );
    }
    return this.#stream;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.#consume();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  async text(): Promise<string> {
    const text = (await this.#consume()).toString('utf8');
    // As fetch decodes: UTF-8, a leading byte order mark dropped.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async blob(): Promise<Blob> {
    const type = this.headers.get('content-type') ?? '';
    return new Blob([await this.arrayBuffer()], { type });
  }

  async formData(): Promise<FormData> {
    const body = await this.arrayBuffer();
    return new Response(body, { headers: this.headers }).formData();
  }

  clone(): BufferedResponse {
    if (this.#used) {
      throw new TypeError('Response.clone: Body has already been consumed.');
    }
    return new BufferedResponse(
      this.#bytes,
      { status: this.status, statusText: this.statusText, headers: new Headers(this.headers) },
      { url: this.#url, redirected: this.#redirected, nullBody: this.#nullBody, stop: this.#stop },
    );
  }

  async #consume(): Promise<Buffer> {
    if (this.#used) {
      throw new TypeError('Body is unusable: Body has already been read');
    }
    this.#used = true;
    return this.#nullBody ? Buffer.alloc(0) : this.#bytes;
  }
}

/**
 * When the body of an answer of bufferedFetch is done with (arrived, failed or cancelled); undefined for any
 * other Response (its body's end cannot be told).
 */
export function bodySettled(response: Response): Promise<void> | undefined {
  return (response as unknown) instanceof BufferedResponse
    ? (response as unknown as BufferedResponse).settled
    : undefined;
}
