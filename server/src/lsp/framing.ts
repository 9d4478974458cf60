// Reading LSP messages from a byte stream (--stdio) so that bad framing costs one message, not the
// connection. vscode-jsonrpc's StreamMessageReader reports a header without Content-Length or a body
// that is not JSON and then keeps parsing from where it stopped: the rest of that body and the next
// header become one bad header, then the next, and the server never answers again, without a word.
// Here a bad header, a body that is not JSON, or a Content-Length that runs into the next header
// is logged and skipped, and reading resumes at the next `Content-Length:` header.
import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/** Where a message can start again. Never inside a valid JSON body: raw CR/LF cannot occur in a string. */
const NEXT_HEADER = /content-length[ \t]*:[ \t]*\d+[ \t]*\r\n/i;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A header block longer than this is junk, not a header. */
const MAX_HEADER_BYTES = 64 * 1024;

export class ResyncingMessageReader extends AbstractMessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  /** Content-Length of the message whose body is awaited, and where its header and body begin. */
  private pending: { length: number; headerStart: number; bodyStart: number } | undefined;
  /** How far the awaited body has been searched for a following header. */
  private scanned = 0;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly log: (message: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (data: Buffer | string) => {
      const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      try {
        this.parse(callback);
      } catch (error) {
        // A bug here must not leave the reader stuck on the same bytes.
        this.log(`malformed input: ${error instanceof Error ? error.message : String(error)}; ${this.buffer.length} bytes dropped`);
        this.buffer = Buffer.alloc(0);
        this.pending = undefined;
      }
    };
    const onError = (error: Error) => this.fireError(error);
    let closed = false;
    const onClose = () => {
      if (closed) return;
      closed = true;
      this.fireClose();
    };
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('end', onClose);
    this.readable.on('close', onClose);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('end', onClose);
      this.readable.off('close', onClose);
    });
  }

  private parse(callback: DataCallback): void {
    for (;;) {
      if (!this.pending) {
        const end = this.buffer.indexOf(HEADER_END);
        if (end === -1) {
          if (this.buffer.length > MAX_HEADER_BYTES) this.resync(1, `${this.buffer.length} bytes without a header end`);
          return;
        }
        const header = this.buffer.subarray(0, end).toString('latin1');
        const length = contentLength(header);
        if (typeof length === 'string') {
          this.resync(1, length);
          continue;
        }
        this.pending = { length, headerStart: 0, bodyStart: end + HEADER_END.length };
        this.scanned = this.pending.bodyStart;
      }
      const { length, bodyStart } = this.pending;
      const available = this.buffer.length - bodyStart;
      const bodyEnd = bodyStart + Math.min(length, available);
      // A header inside the body means this Content-Length was too long (or the body is junk).
      const from = Math.max(bodyStart, this.scanned - 40);
      const inside = this.buffer.subarray(from, bodyEnd).toString('latin1').search(NEXT_HEADER);
      if (inside !== -1) {
        this.pending = undefined;
        this.log(`malformed input: Content-Length ${length} runs into the next header; ${from + inside} bytes skipped, reading on from that header`);
        this.drop(from + inside);
        continue;
      }
      this.scanned = bodyEnd;
      if (available < length) return;
      const body = this.buffer.subarray(bodyStart, bodyStart + length);
      let message: Message | undefined;
      try {
        message = JSON.parse(body.toString('utf8')) as Message;
      } catch {
        message = undefined;
      }
      this.pending = undefined;
      if (message === undefined) {
        // Too short a Content-Length, or not JSON: look for the next header after this one's start.
        this.resync(1, `a body of ${length} bytes that is not JSON (wrong Content-Length?)`);
        continue;
      }
      this.drop(bodyStart + length);
      callback(message);
    }
  }

  /**
   * Drops bytes up to the next `Content-Length:` header at or after `from` (≥ 1, so it always moves
   * on); with none, all but a tail that may be the start of one split across chunks.
   */
  private resync(from: number, why: string): void {
    const text = this.buffer.subarray(from).toString('latin1');
    const next = text.search(/content-length[ \t]*:/i);
    const skip = next === -1 ? Math.max(from, this.buffer.length - headerPrefixAtEnd(text)) : from + next;
    this.log(`malformed input: ${why}; ${skip} bytes skipped${next === -1 ? '' : ', reading on from the next Content-Length header'}`);
    this.drop(skip);
  }

  /** Forgets the first `count` bytes; a small rest is copied so a big message's memory can go. */
  private drop(count: number): void {
    const rest = this.buffer.subarray(count);
    this.buffer = rest.length === 0 ? Buffer.alloc(0) : rest.length < 65536 ? Buffer.from(rest) : rest;
  }
}

/** How many bytes at the end of `text` could begin `Content-Length:`. */
function headerPrefixAtEnd(text: string): number {
  const name = 'content-length';
  const tail = text.slice(-name.length).toLowerCase();
  for (let k = Math.min(name.length, tail.length); k > 0; k--) if (tail.endsWith(name.slice(0, k))) return k;
  return 0;
}

/** The Content-Length of a header block, or why there is none. */
function contentLength(header: string): number | string {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon).trim();
    if (!HEADER_NAME.test(name)) return `a header line that is not "Name: value" (${JSON.stringify(line.slice(0, 60))})`;
    if (name.toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d+$/.test(value)) return `Content-Length is not a number (${JSON.stringify(value.slice(0, 20))})`;
    length = Number(value);
  }
  return length ?? `a header without Content-Length (${JSON.stringify(header.slice(0, 80))})`;
}
