import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { safeUnzip, ZipRejected } from './safe-unzip.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const LIMITS = { maxEntries: 3, maxTotalBytes: 1 << 20, maxRatio: 200 };

describe('safeUnzip', () => {
  it('unpacks files, skipping folders, hidden entries and __MACOSX; archives inside come apart', () => {
    const inner = zipSync({ 'x.txt': text('内层') });
    const zip = zipSync({
      'a.txt': text('甲'),
      '材料/b.md': text('乙'),
      '.DS_Store': text('x'),
      '__MACOSX/._a.txt': text('x'),
      'inner.zip': inner,
      'disguised.bin': inner,
    });
    const { entries, nested } = safeUnzip(zip, { ...LIMITS, maxEntries: 10 });
    assert.deepEqual(
      entries.map((e) => [e.name, new TextDecoder().decode(e.bytes)]),
      [
        ['a.txt', '甲'],
        ['材料/b.md', '乙'],
      ],
    );
    assert.deepEqual(nested.sort(), ['disguised.bin', 'inner.zip']);
  });

  const refused = (zip: Uint8Array, code: string): void => {
    assert.throws(
      () => safeUnzip(zip, LIMITS),
      (e: unknown) => e instanceof ZipRejected && e.code === code,
    );
  };

  it('refuses a path that leaves the archive, whole', () => {
    refused(zipSync({ 'ok.txt': text('好'), '../../etc/evil.txt': text('坏') }), 'zip-traversal');
    refused(zipSync({ '/abs.txt': text('坏') }), 'zip-traversal');
    refused(zipSync({ 'a\\..\\b.txt': text('坏') }), 'zip-traversal');
  });

  it('refuses a bomb (too large unpacked, or packed far too tightly) and too many entries', () => {
    refused(zipSync({ 'zeros.txt': new Uint8Array(2 << 20) }), 'zip-bomb');
    refused(zipSync({ a: text('1'), b: text('2'), c: text('3'), d: text('4') }), 'zip-entries');
    refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'zip-corrupt');
  });
});
