// Drafts in GB18030/GBK and UTF-16 without a BOM are linted as the text they are and, with --fix,
// written back in the same encoding with every unchanged byte identical. Bytes that do not decode
// (a lone surrogate, an odd last byte) are reported and never rewritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { decode, encodeEdited, encodeText, looksLikeGb18030 } from '../../server/src/cli/decode';
import { encodeGb18030, UnencodableError } from '../../server/src/cli/gb18030';
import { run } from '../../server/src/cli/run';
import { corpusDir } from './helpers';
import { addCommaRule, bin, cli, memoryIO, workspace } from './cliHarness';

/** A numbering gap (（一） then （三）): one heading-sequence error. */
const GAP_DRAFT = '关于做好工作的讲话\r\n同志们：\r\n一、提高认识\r\n（一）抓学习\r\n要读原文。\r\n（三）抓落实\r\n谢谢大家！\r\n';

const gb = (text: string) => encodeGb18030(text);

test('a GB18030 (GBK) draft is linted as its text: the same findings and exit code as in UTF-8, and a note saying how it was read', () => {
  const utf8 = workspace({ 'draft.txt': GAP_DRAFT }, { 'heading-sequence': 'error' });
  const gbk = workspace({ 'draft.txt': gb(GAP_DRAFT) }, { 'heading-sequence': 'error' });
  const expected = cli(['draft.txt'], { cwd: utf8 });
  assert.equal(expected.status, 1);
  assert.equal(expected.stderr, '');
  assert.match(expected.stdout, /^draft\.txt:6:1 错误 .*\[heading-sequence\]$/m);
  const r = cli(['draft.txt'], { cwd: gbk });
  assert.equal(r.stderr, 'speech-lint: draft.txt 不是 UTF-8，看来是 GB18030（GBK） 编码，已按此读取（可用 --encoding 指定） / draft.txt is not UTF-8 and looks like GB18030 (GBK): read as such (--encoding sets it)\n');
  assert.equal(r.stdout, expected.stdout);
  assert.equal(r.status, 1);
  // SARIF records the note without failing the run.
  const sarif = JSON.parse(cli(['-f', 'sarif', 'draft.txt'], { cwd: gbk }).stdout);
  assert.deepEqual(sarif.runs[0].invocations[0], {
    executionSuccessful: true,
    toolExecutionNotifications: [{ level: 'note', message: { text: 'draft.txt is not UTF-8 and looks like GB18030 (GBK): read as such (--encoding sets it)' } }],
  });
});

test('--fix on a GB18030 file writes GB18030 back: only the fixed characters change, every other byte (CRLF, alternative forms, four-byte sequences) stays', async () => {
  const id = addCommaRule();
  const dir = workspace({}, { [id]: 'error' }, [id]);
  // 甲,乙 CRLF; U+3000 in its rarer form A3 A0; € as the single byte 80; U+9FB4 as the four-byte
  // 82 35 90 37 (also FE 59); Ā (four bytes only); 𠀀 (U+20000, supplementary); 丙,丁 CRLF.
  const parts: [Buffer, Buffer][] = [
    [gb('甲'), gb('甲')],
    [Buffer.from(','), gb('，')],
    [gb('乙\r\n'), gb('乙\r\n')],
    [Buffer.from([0xa3, 0xa0, 0x80, 0x82, 0x35, 0x90, 0x37]), Buffer.from([0xa3, 0xa0, 0x80, 0x82, 0x35, 0x90, 0x37])],
    [gb('Ā𠀀丙'), gb('Ā𠀀丙')],
    [Buffer.from(','), gb('，')],
    [gb('丁\r\n'), gb('丁\r\n')],
  ];
  const original = Buffer.concat(parts.map((p) => p[0]));
  const expected = Buffer.concat(parts.map((p) => p[1]));
  assert.deepEqual([...gb('Ā')].length, 4, 'Ā has only a four-byte form');
  fs.writeFileSync(path.join(dir, 'draft.txt'), original);
  const io = memoryIO(dir);
  const status = await run(['--fix', '--encoding', 'gb18030', 'draft.txt'], io);
  assert.equal(io.err, '');
  assert.equal(io.out, '已自动修复 2 处（1 个文件）\n0 个错误，0 个警告，0 条提示\n');
  assert.equal(status, 0);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'draft.txt')), expected);
  assert.equal(new TextDecoder('gb18030').decode(expected), '甲，乙\r\n\u3000€\u9fb4Ā𠀀丙，丁\r\n');
  // --fix - gives the same bytes on stdout.
  const stdin = memoryIO(dir, original);
  assert.equal(await run(['--fix', '--encoding', 'gb18030', '-'], stdin), 0);
  assert.deepEqual(Buffer.concat(stdin.outBytes), expected);
});

test('gb18030 encoder: decode(encode(x)) === x for every BMP code point GB18030 covers, and supplementary ones', () => {
  // What the decoder can yield, worked out here one sequence at a time.
  const strict = new TextDecoder('gb18030', { fatal: true });
  const covered = new Set<number>();
  for (let c = 0; c < 0x80; c++) covered.add(c);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) covered.add(strict.decode(Uint8Array.of(lead, trail)).codePointAt(0)!);
  }
  for (let b1 = 0x81; b1 <= 0x84; b1++) {
    for (let b2 = 0x30; b2 <= 0x39; b2++) {
      for (let b3 = 0x81; b3 <= 0xfe; b3++) {
        for (let b4 = 0x30; b4 <= 0x39; b4++) {
          try {
            covered.add(strict.decode(Uint8Array.of(b1, b2, b3, b4)).codePointAt(0)!);
          } catch {
            // past the end of the BMP range
          }
        }
      }
    }
  }
  const loose = new TextDecoder('gb18030');
  let roundTrips = 0;
  const refused: number[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCharCode(c);
    if (covered.has(c)) {
      assert.equal(loose.decode(encodeGb18030(s)), s, `U+${c.toString(16)}`);
      roundTrips++;
    } else {
      assert.throws(() => encodeGb18030(s), UnencodableError, `U+${c.toString(16)} is not covered`);
      refused.push(c);
    }
  }
  assert.equal(roundTrips, 0x10000 - 0x800 - refused.length);
  assert.ok(refused.every((c) => c >= 0xe000 && c <= 0xf8ff), 'only private-use code points that moved in GB18030-2022 are missing');
  for (let c = 0x10000; c <= 0x10ffff; c += 997) {
    const s = String.fromCodePoint(c);
    assert.equal(loose.decode(encodeGb18030(s)), s, `U+${c.toString(16)}`);
  }
  assert.deepEqual([...encodeGb18030('𠀀')], [0x95, 0x32, 0x82, 0x36]);
  // A whole draft, and GBK: no four-byte sequences.
  const corpus = fs.readFileSync(path.join(corpusDir, fs.readdirSync(corpusDir).find((f) => f.startsWith('003'))!), 'utf8');
  assert.equal(loose.decode(encodeGb18030(corpus)), corpus);
  assert.throws(() => encodeGb18030('𠀀', true), UnencodableError);
  assert.throws(() => encodeGb18030('\ud800'), UnencodableError, 'a lone surrogate is refused, not replaced');
});

test('GB18030 detection: real drafts are recognised; random bytes and Latin-1 are not', () => {
  for (const file of fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt'))) {
    const text = fs.readFileSync(path.join(corpusDir, file), 'utf8');
    const decoded = decode(encodeText(text, 'gb18030'));
    assert.deepEqual([decoded.encoding, decoded.guessed, decoded.invalid, decoded.text === text], ['gb18030', true, false, true], file);
  }
  assert.equal(decode(gb('你好，世界')).encoding, 'gb18030', 'five characters are enough when all are everyday ones');
  // A seeded generator: the same "random" buffers every run.
  let seed = 20240613;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const buffer = (length: number, low: number, high: number) => Uint8Array.from({ length }, () => low + Math.floor(random() * (high - low + 1)));
  for (let i = 0; i < 1500; i++) {
    // Any byte but NUL (NUL makes it binary before any guessing), and only bytes ≥ 0x81 (always valid pairs).
    for (const bytes of [buffer(16 + Math.floor(random() * 2000), 1, 255), buffer(64 + Math.floor(random() * 2000), 0x81, 0xfe)]) {
      const decoded = decode(bytes);
      assert.notEqual(decoded.encoding, 'gb18030', `random bytes taken for GB18030: ${Buffer.from(bytes).toString('hex').slice(0, 64)}…`);
    }
  }
  for (const latin1 of ['Café au lait, naïve résumé.\n', 'Señor Müller où ça\n', '\u201cQuoted\u201d text\u2026 \u20ac5\n']) {
    const bytes = Buffer.from(latin1.replace(/[\u201c\u201d\u2026\u20ac]/g, (c) => String.fromCharCode({ '\u201c': 0x93, '\u201d': 0x94, '\u2026': 0x85, '\u20ac': 0x80 }[c]!)), 'latin1');
    const decoded = decode(bytes);
    assert.equal(decoded.encoding, 'utf8', latin1);
    assert.equal(decoded.invalid, true);
  }
  assert.equal(looksLikeGb18030(gb('一、\u0007标题'), '一、\u0007标题'), false, 'control characters');
});

test('UTF-16 without a BOM (LE and BE) is linted, not called binary; --fix keeps byte order, no BOM added', async () => {
  const id = addCommaRule();
  const text = '同志们：\n今天召开会议,主要是部署工作。\n一、统一思想,提高认识\n';
  const fixed = text.replace(/,/g, '，');
  for (const [encoding, name] of [['utf16le', 'UTF-16LE'], ['utf16be', 'UTF-16BE']] as const) {
    const dir = workspace({ 'draft.txt': encodeText(text, encoding) }, { [id]: 'error' }, [id]);
    const decoded = decode(encodeText(text, encoding));
    assert.deepEqual([decoded.encoding, decoded.bom, decoded.guessed, decoded.invalid, decoded.binary, decoded.text], [encoding, false, true, false, false, text]);
    const note = `speech-lint: draft.txt 不是 UTF-8，看来是 ${name}（无 BOM） 编码，已按此读取（可用 --encoding 指定） / draft.txt is not UTF-8 and looks like ${name} without a BOM: read as such (--encoding sets it)\n`;
    const lintIO = memoryIO(dir);
    assert.equal(await run(['draft.txt'], lintIO), 1);
    assert.equal(lintIO.err, note);
    assert.equal(lintIO.out, 'draft.txt:2:7 错误 半角逗号 [test-comma]\ndraft.txt:3:7 错误 半角逗号 [test-comma]\n\n2 个错误，0 个警告，0 条提示（其中 2 个可用 --fix 自动修复）\n');
    const fixIO = memoryIO(dir);
    assert.equal(await run(['--fix', 'draft.txt'], fixIO), 0);
    assert.equal(fixIO.err, note);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'draft.txt')), encodeText(fixed, encoding));
  }
});

test('UTF-16 with a lone surrogate or an odd last byte: reported with its place, linted, never written back (and why)', async () => {
  const id = addCommaRule();
  const lone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('甲,乙\r\n丙', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(',丁\r\n', 'utf16le')]);
  const odd = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('甲,乙\r\n', 'utf16le'), Buffer.from([0x41])]);
  const dir = workspace({ 'lone.txt': lone, 'odd.txt': odd }, { [id]: 'error' }, [id]);
  const lint = memoryIO(dir);
  assert.equal(await run(['lone.txt', 'odd.txt'], lint), 1);
  assert.equal(
    lint.err,
    'speech-lint: lone.txt：UTF-16LE 编码有误：第 2 行第 2 列有不成对的代理项 U+D800；已照常检查 / lone.txt: invalid UTF-16LE: an unpaired surrogate U+D800 at line 2, column 2; linted as it is\n' +
      'speech-lint: odd.txt：UTF-16LE 编码有误：文件末尾多出 1 个字节（已忽略）；已照常检查 / odd.txt: invalid UTF-16LE: an odd byte at the end of the file (left out); linted as it is\n',
  );
  assert.equal(
    lint.out,
    'lone.txt:1:2 错误 半角逗号 [test-comma]\nodd.txt:1:2 错误 半角逗号 [test-comma]\n\n2 个错误，0 个警告，0 条提示（其中 2 个可用 --fix 自动修复）\n',
    'the surrogate sits between 丙 and , so only the first comma is between Han characters',
  );
  const fix = memoryIO(dir);
  assert.equal(await run(['--fix', 'lone.txt', 'odd.txt'], fix), 1);
  assert.equal(
    fix.err,
    'speech-lint: lone.txt：UTF-16LE 编码有误：第 2 行第 2 列有不成对的代理项 U+D800；已照常检查，不会写回修复（写回会改动这些字节） / lone.txt: invalid UTF-16LE: an unpaired surrogate U+D800 at line 2, column 2; linted as it is, fixes will not be written (that would change those bytes)\n' +
      'speech-lint: odd.txt：UTF-16LE 编码有误：文件末尾多出 1 个字节（已忽略）；已照常检查，不会写回修复（写回会改动这些字节） / odd.txt: invalid UTF-16LE: an odd byte at the end of the file (left out); linted as it is, fixes will not be written (that would change those bytes)\n',
  );
  assert.doesNotMatch(fix.out, /已自动修复/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'lone.txt')), lone);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'odd.txt')), odd);
  // Without a BOM too.
  assert.equal(decode(Buffer.from('同志们：\n今天召开会议，主要是部署工作。\n一、统一思想，提高认识\n\ud800', 'utf16le')).invalid, true);
});

test('--encoding forces the encoding (also for -), is in the help in both languages, and rejects unknown names', async () => {
  assert.equal(parseArgs(['--encoding', 'GBK', 'a']).encoding, 'gbk');
  assert.equal(parseArgs(['--encoding=utf-16be', 'a']).encoding, 'utf16be');
  assert.equal(parseArgs(['--encoding', 'UTF-8', 'a']).encoding, 'utf8');
  assert.throws(() => parseArgs(['--encoding', 'big5', 'a']), (e: unknown) => e instanceof UsageError && e.en === '--encoding must be utf8, gb18030, gbk, utf16le or utf16be, not "big5"');
  const dir = workspace({ 'short.txt': gb('(一)與會\n') }, { 'heading-marker': 'warning' });
  const bad = memoryIO(dir);
  assert.equal(await run(['--encoding', 'latin1', 'short.txt'], bad), 2);
  assert.equal(bad.out, '');
  assert.match(bad.err, /^speech-lint: --encoding 应为 utf8、gb18030、gbk、utf16le 或 utf16be，而不是“latin1” \/ --encoding must be/);
  for (const [lang, first] of [['zh', '按此编码读取文件'], ['en', 'read \\(and with --fix write\\)']]) {
    const help = memoryIO(dir);
    assert.equal(await run(['--help', '--lang', lang], help), 0);
    assert.match(help.out, new RegExp(`\n {6}--encoding utf8\\|gb18030\\|gbk\\|utf16le\\|utf16be\n {33}${first}`));
  }

  // Two traditional characters outside GB2312 are too few to guess GBK: --encoding gbk reads them.
  const guessed = memoryIO(dir);
  await run(['short.txt'], guessed);
  assert.match(guessed.err, /short\.txt 不是有效的 UTF-8，无法解码的字节已替换为 �（可能是 GBK 编码：可用 --encoding gbk 指定） \/ .*\(it may be GBK: try --encoding gbk\)\n$/);
  const forced = memoryIO(dir);
  assert.equal(await run(['--encoding', 'gbk', '--fix', 'short.txt'], forced), 0);
  assert.equal(forced.err, '');
  assert.deepEqual(fs.readFileSync(path.join(dir, 'short.txt')), gb('（一）與會\n'));
  // Standard input of the real CLI, forced, fixed: GBK bytes out.
  const r = spawnSync(process.execPath, [bin, '--encoding', 'gbk', '--fix', '-'], { cwd: dir, input: gb('(一)與會\r\n') });
  assert.equal(r.status, 0);
  assert.deepEqual(r.stdout, gb('（一）與會\r\n'));
});

test('encodeEdited refuses what it cannot write exactly: a character GBK lacks, a file that did not decode', () => {
  const decoded = decode(gb('甲乙\n'), 'gbk');
  assert.throws(() => encodeEdited(gb('甲乙\n'), decoded, '甲𠀀乙\n'), UnencodableError);
  const broken = decode(Buffer.from([0xe7, 0x94, 0xb2, 0xff]));
  assert.throws(() => encodeEdited(Buffer.from([0xe7, 0x94, 0xb2, 0xff]), broken, '甲'), /never written back/);
});
