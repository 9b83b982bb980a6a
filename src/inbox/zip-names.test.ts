import assert from 'node:assert/strict';
import { it } from 'node:test';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { safeUnzip } from './safe-unzip.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * A zip whose entry names are the given raw bytes with no UTF-8 flag, as Windows in Chinese (GBK) or zip on
 * Linux (UTF-8) writes them: made by fflate under ASCII names of the same length, then those bytes replaced
 * in the local headers and the central directory.
 */
function zipWithRawNames(entries: ReadonlyArray<{ raw: Uint8Array; text: string }>): Uint8Array {
  const placeholders = entries.map((e, k) => `${String(k).padStart(2, '0')}${'_'.repeat(e.raw.length - 2)}`);
  const zip = zipSync(Object.fromEntries(placeholders.map((p, k) => [p, utf8(entries[k]!.text)])), { level: 0 });
  for (const [k, p] of placeholders.entries()) {
    const needle = new TextEncoder().encode(p);
    let found = 0;
    for (let at = 0; at + needle.length <= zip.length; at++) {
      if (needle.every((b, i) => zip[at + i] === b)) {
        zip.set(entries[k]!.raw, at);
        found++;
      }
    }
    assert.equal(found, 2, 'in the local header and the central directory');
  }
  return zip;
}

it('reads GBK names from Windows, a trail byte 0x5C included, as written', () => {
  const names = ['公文素材/关于做好2026年工作的通知.txt', '塡报说明（第二版）.txt'];
  const zip = zipWithRawNames(names.map((n, k) => ({ raw: new Uint8Array(iconv.encode(n, 'gbk')), text: `正文${k}` })));
  const { entries } = safeUnzip(zip);
  assert.deepEqual(
    entries.map((e) => [e.name, new TextDecoder().decode(e.bytes)]),
    [
      ['公文素材/关于做好2026年工作的通知.txt', '正文0'],
      ['塡报说明（第二版）.txt', '正文1'],
    ],
  );
});

it('reads unflagged UTF-8 names (zip on Linux and macOS) and flagged ones as they are', () => {
  const zip = zipWithRawNames([{ raw: utf8('调研报告.txt'), text: '一' }]);
  assert.deepEqual(
    safeUnzip(zip).entries.map((e) => e.name),
    ['调研报告.txt'],
  );
  // fflate flags a name that is not ASCII: one of Latin-1 letters only must not be read as GBK.
  const flagged = zipSync({ 'café.txt': utf8('二'), '讲话稿.txt': utf8('三') });
  assert.deepEqual(
    safeUnzip(flagged).entries.map((e) => e.name),
    ['café.txt', '讲话稿.txt'],
  );
});

it('still refuses a GBK name that leaves the archive', () => {
  const zip = zipWithRawNames([{ raw: new Uint8Array(iconv.encode('../材料.txt', 'gbk')), text: '四' }]);
  assert.throws(() => safeUnzip(zip), /points outside the archive/);
});
