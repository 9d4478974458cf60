// The bundled language server (dist/server.js --stdio) against bad input: malformed framing (a header
// without Content-Length, a Content-Length too short or too long, junk), bad params, and memory after
// a large document is closed. Every wait is on a response or a message, bounded by a timeout.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { ResyncingMessageReader } from '../../../server/src/lsp/framing';
import { readCorpus } from '../helpers';
import { LspClient } from './lspClient';

const DRAFT = '讲话\n\n一、统一思想\n正文。\n二、突出重点\n正文。\n';
/** A normal request must be answered this fast after bad input (it takes milliseconds). */
const ANSWER_MS = 5000;

const frame = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
const shutdownBody = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'shutdown' });

describe('language server: malformed framing', () => {
  let client: LspClient;
  const uri = 'untitled:framing';

  before(async () => {
    client = await LspClient.start();
    await client.open(uri, DRAFT);
  });
  after(() => client.kill());

  /** Sends `raw`, expects an error log matching `log`, then a normal request answered in time. */
  async function survives(raw: string | Buffer, log: RegExp): Promise<void> {
    const logged = client.next('window/logMessage', (p: { type: number; message: string }) => p.type === 1 && log.test(p.message), ANSWER_MS);
    await client.writeRaw(raw);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } }, ANSWER_MS);
    assert.deepEqual(symbols.map((s: { name: string }) => s.name), ['一、统一思想', '二、突出重点']);
    await logged;
  }

  it('a header without Content-Length: skipped, the next message answered', async () => {
    await survives(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${shutdownBody(9001)}`, /^malformed input: .*Content-Length/);
  });

  it('a body with no header at all', async () => {
    await survives(shutdownBody(9002), /^malformed input: /);
  });

  it('a Content-Length too short', async () => {
    await survives(frame(shutdownBody(9003), 10), /^malformed input: /);
  });

  it('a Content-Length too long (the next message is not swallowed)', async () => {
    await survives(frame(shutdownBody(9004), 5000), /^malformed input: /);
  });

  it('a Content-Length that is not a number, and a header line without a colon', async () => {
    await survives(`Content-Length: twelve\r\n\r\n${shutdownBody(9005)}`, /^malformed input: /);
    await survives(`Content-Length 40\r\n\r\n${shutdownBody(9006)}`, /^malformed input: /);
  });

  it('junk bytes, then a body that is not JSON', async () => {
    await survives(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0xff]), /^malformed input: /);
    await survives(frame('{"jsonrpc": "2.0", "id": 9007, "method": '), /^malformed input: /);
  });

  it('none of the malformed requests ran (shutdown was never accepted), and it still shuts down cleanly', async () => {
    assert.equal(await client.stop(), 0);
  });
});

describe('ResyncingMessageReader (in-process)', () => {
  /** Feeds `input` in chunks of `size` bytes; resolves with the messages and logs once the stream ends. */
  function read(input: Buffer, size: number): Promise<{ ids: unknown[]; logs: string[] }> {
    const stream = new PassThrough();
    const logs: string[] = [];
    const ids: unknown[] = [];
    const reader = new ResyncingMessageReader(stream, (m) => logs.push(m));
    reader.listen((message) => ids.push((message as { id?: unknown }).id));
    const closed = new Promise<void>((resolve) => reader.onClose(() => resolve()));
    for (let i = 0; i < input.length; i += size) stream.write(input.subarray(i, i + size));
    stream.end();
    return closed.then(() => ({ ids, logs }));
  }
  const request = (id: number, extra = '') => frame(JSON.stringify({ jsonrpc: '2.0', id, method: 'm', params: { text: `甲${extra}` } }));

  it('delivers every good message in order whatever the chunking, logging each bad one as it is skipped', async () => {
    const input = Buffer.from(
      [
        request(1),
        'Content-Type: x\r\n\r\n{}', // no Content-Length
        request(2),
        frame(shutdownBody(0), 7), // too short
        request(3),
        frame(shutdownBody(0), 900), // too long
        request(4, 'Content-Length: 12 in a string is fine'),
        'garbage without any header end',
        request(5),
      ].join(''),
    );
    for (const size of [1, 2, 3, 7, 64, input.length]) {
      const { ids, logs } = await read(input, size);
      assert.deepEqual(ids, [1, 2, 3, 4, 5], `chunks of ${size}`);
      assert.ok(logs.length >= 4 && logs.every((l) => l.startsWith('malformed input: ')), `chunks of ${size}: ${logs.join(' | ')}`);
    }
  });

  it('reads a 5 MB message arriving in 64 KB chunks', async () => {
    const big = request(7, '乙'.repeat(1_700_000));
    const { ids, logs } = await read(Buffer.from(big + request(8)), 65536);
    assert.deepEqual(ids, [7, 8]);
    assert.deepEqual(logs, []);
  });
});

describe('language server: bad params', () => {
  it('refuses requests with bad params (InvalidParams), ignores bad notifications, and keeps answering', async () => {
    const client = await LspClient.start();
    try {
      const uri = 'untitled:params';
      await client.open(uri, DRAFT);
      const invalid = async (method: string, params: unknown) => {
        await assert.rejects(client.request(method, params, ANSWER_MS), (e: { code?: number }) => e.code === -32602, `${method} ${JSON.stringify(params)}`);
      };
      await invalid('textDocument/hover', { textDocument: { uri } });
      await invalid('textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 0 } });
      await invalid('textDocument/completion', { textDocument: { uri }, position: { line: 'two', character: 0 } });
      await invalid('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 } }, context: { diagnostics: [] } });
      await invalid('textDocument/documentSymbol', { textDocument: { uri: 42 } });
      await invalid('textDocument/diagnostic', {});
      await invalid('speechDraft/nextMarkers', { uri, position: null });
      await invalid('speechDraft/convertScript', { uri, to: 'klingon' });
      await invalid('speechDraft/lintFiles', { files: [{ uri: 3 }] });
      await invalid('speechDraft/lintFiles', null);
      // A code action to resolve that is not one of the server's comes back as it was.
      assert.deepEqual(await client.request('codeAction/resolve', { title: 'x', data: { uri: 5 } }, ANSWER_MS), { title: 'x', data: { uri: 5 } });

      // A didChange for a document that is not open, a didOpen whose text is not a string: ignored.
      await client.notify('textDocument/didChange', { textDocument: { uri: 'untitled:never-opened', version: 2 }, contentChanges: [{ text: '一、新\n' }] });
      await client.notify('textDocument/didOpen', { textDocument: { uri: 'untitled:not-text', languageId: 'speech', version: 1, text: 42 } });
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:not-text' } }, ANSWER_MS), []);
      assert.deepEqual(await client.diagnostics('untitled:not-text'), { kind: 'full', items: [] });
      // A didChange with one bad change among good ones is refused as a whole, not half applied.
      await client.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } }, text: '半途' }, { text: 5 }],
      });
      await client.change(uri, [{ range: { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } }, text: '加强领导' }]);
      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } }, ANSWER_MS);
      assert.deepEqual(symbols.map((s: { name: string }) => s.name), ['一、统一思想', '二、加强领导']);
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 1 } }, ANSWER_MS);
      assert.match(hover.contents.value, /^\*\*二、加强领导\*\*/);

      const ignored = client.logs.filter((m) => m.includes('ignored'));
      assert.deepEqual(ignored.map((m) => m.replace(/:.*$/, '')), ['textDocument/didChange', 'textDocument/didOpen', 'textDocument/didChange']);
      assert.deepEqual(client.logs.filter((m) => /TypeError|failed with message/.test(m)), [], 'bad params never reach a handler');
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('language server: inputs that once stalled it', () => {
  // Each of these took seconds (quadratic) before; the lint is synchronous, so meanwhile the server
  // answered nothing. Now each is linted and fixed, and a normal request is answered in time after it.
  const SHAPES: [string, string][] = [
    ['供大家参考 repeated', '供大家参考'.repeat(8000)],
    ['a directive with a 40k-space run', `<!-- speech-lint-disable${' '.repeat(40000)}placeholder -->\n同志们：XX\n`],
    ['front matter with a 40k-space run', `---\n类型: 单项${' '.repeat(40000)}\n---\n同志们：\n`],
    ['10k nested parentheses', '('.repeat(10000) + '我们' + ')'.repeat(10000)],
    ['讲三点 repeated in one paragraph', '我讲三点意见，'.repeat(8000)],
    ['comments and spaced text', Array.from({ length: 4000 }, () => '<!-- 待核实 -->\n我 们 要 认 真 落 实').join('\n')],
    ['directive and placeholder pairs', Array.from({ length: 4000 }, () => '<!-- speech-lint-disable-next-line placeholder -->\nXX同志，某某单位。').join('\n')],
    ['130k stray spaces on one line', '工 '.repeat(130000) + '作'],
  ];

  it('each is linted and fixed, and a normal request is answered in time after it', { timeout: 120000 }, async () => {
    const client = await LspClient.start();
    try {
      const normal = 'untitled:normal';
      await client.open(normal, DRAFT);
      for (const [name, text] of SHAPES) {
        const uri = `untitled:${encodeURIComponent(name)}`;
        await client.open(uri, text);
        await client.diagnostics(uri);
        await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } }, 30000);
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: normal } }, ANSWER_MS);
        assert.deepEqual(symbols.map((s: { name: string }) => s.name), ['一、统一思想', '二、突出重点'], name);
        await client.close(uri);
      }
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('language server: memory', () => {
  it('memory after opening and closing a 5 MB document returns to within 20 % of before', { timeout: 120000 }, async () => {
    const client = await LspClient.start({ execArgv: ['--expose-gc'] });
    try {
      await client.open('untitled:small', DRAFT);
      await client.diagnostics('untitled:small');
      const before = await client.request('speechDraft/memory', undefined);
      const corpus = readCorpus('001');
      let big = '';
      while (Buffer.byteLength(big) < 5 * 1024 * 1024) big += `${corpus}\n`;
      await client.open('untitled:big', big);
      assert.equal((await client.diagnostics('untitled:big')).kind, 'full');
      assert.ok((await client.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:big' } }, 60000)).length > 0);
      const open = await client.request('speechDraft/memory', undefined);
      assert.equal(open.cachedDocuments, 2);
      await client.close('untitled:big');
      const closed = await client.request('speechDraft/memory', undefined);
      assert.equal(closed.cachedDocuments, 1);
      const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
      const figures = `heapUsed before ${mb(before.heapUsed)}, open ${mb(open.heapUsed)}, after close ${mb(closed.heapUsed)}`;
      assert.ok(open.heapUsed > before.heapUsed + 5 * 1024 * 1024, `the big document is counted: ${figures}`);
      assert.ok(closed.heapUsed <= before.heapUsed * 1.2, figures);
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('language server: input closed', () => {
  it('exits (code 1, no shutdown) when its input closes', async () => {
    const client = await LspClient.start();
    try {
      client.child.stdin!.end();
      assert.equal(await client.exit(), 1);
    } finally {
      client.kill();
    }
  });
});
