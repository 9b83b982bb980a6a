import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/cn2t';
import { readSeed, seedFiles } from '../../testing/shared-seeds.js';
import { decodeDamagedUtf8 } from './damaged-utf8.js';
import { readSource } from './read-source.js';
import { readingOf, readsAsOrdinaryChinese } from './text-plausibility.js';

/** Copies of `bytes` with the byte at each of these fractions of the file's non-ASCII bytes flipped (xor 0x5a). */
function flipped(bytes: Buffer, fractions: readonly number[]): Buffer {
  const high: number[] = [];
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) high.push(i);
  const copy = Buffer.from(bytes);
  for (const f of fractions) copy[high[Math.floor(f * (high.length - 1))]!]! ^= 0x5a;
  return copy;
}

/** The bytes cut one byte into the last multi-byte character before half the file. */
function cutInsideCharacter(bytes: Buffer, encoding: 'utf-8' | 'gb18030'): Buffer {
  let at = Math.floor(bytes.length / 2);
  if (encoding === 'utf-8') while ((bytes[at]! & 0xc0) !== 0xc0) at--;
  else while (bytes[at]! < 0x81 || bytes[at - 1]! >= 0x80) at--;
  return bytes.subarray(0, at + 1);
}

const seeds = seedFiles();
const flips = [0.1, 0.45, 0.8];

describe('a damaged file is read in its own encoding, never as mojibake', () => {
  it('has seeds to damage', () => assert.ok(seeds.length >= 5));

  for (const name of seeds) {
    const seed = readSeed(name);
    const utf8 = Buffer.from(seed, 'utf8');
    const gb = iconv.encode(seed, 'gb18030');

    it(`${name}: UTF-8 with flipped bytes stays UTF-8, the damaged spots reported`, async () => {
      const r = await readSource(name, flipped(utf8, flips));
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.equal(r.encoding, 'utf-8');
      assert.match(r.damage ?? '', /^damaged UTF-8: [1-9]\d* damaged spot\(s\) at byte \d+/);
      assert.ok(readsAsOrdinaryChinese(readingOf(r.text)), 'reads as Chinese');
      const lines = seed.split('\n');
      const same = r.text.split('\n').filter((l, i) => l === lines[i]).length;
      assert.ok(same >= lines.length - flips.length, `${same} of ${lines.length} lines intact`);
    });

    it(`${name}: UTF-8 cut inside a character keeps what was there`, async () => {
      const r = await readSource(name, cutInsideCharacter(utf8, 'utf-8'));
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.equal(r.encoding, 'utf-8');
      assert.match(r.damage ?? '', /cut short inside a character/);
      assert.ok(r.text.length > 0 && seed.startsWith(r.text), 'the text before the cut, whole');
    });

    it(`${name}: GB18030 with flipped bytes or cut short stays GB18030`, async () => {
      for (const bytes of [flipped(gb, flips), cutInsideCharacter(gb, 'gb18030')]) {
        const r = await readSource(name, bytes);
        assert.ok(r.ok, r.ok ? '' : r.message);
        assert.equal(r.encoding, 'gb18030');
        assert.ok(readsAsOrdinaryChinese(readingOf(r.text)), 'reads as Chinese');
      }
    });
  }

  it('Big5 with a flipped byte stays Big5', async () => {
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(readSeed('004_61eaccc42b378d20.txt'));
    const r = await readSource('big5.txt', flipped(iconv.encode(traditional, 'big5'), [0.5]));
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.equal(r.encoding, 'big5');
  });

  it('rejects bytes that read as mojibake in every encoding, naming why', async () => {
    // Pairs of high bytes chosen evenly over the GB18030 range: valid GB18030, but random characters.
    const bytes = Buffer.from(Array.from({ length: 4000 }, (_, i) => 0xa1 + ((i * 37 + (i >> 1) * 11) % 0x5d)));
    const r = await readSource('noise.txt', bytes);
    assert.ok(!r.ok, 'noise was stored');
    assert.equal(r.code, 'undecodable');
    assert.match(r.message, /^noise\.txt: reads as mojibake in every encoding tried \(common characters: \d+%/);
  });
});

describe('decodeDamagedUtf8', () => {
  it('reports each run of bad bytes once, by offset, and a cut-short end apart', () => {
    const good = Buffer.from('党建工作', 'utf8');
    const bytes = Buffer.concat([
      good.subarray(0, 3),
      Buffer.from([0xff, 0xfe]),
      good.subarray(3),
      good.subarray(0, 2),
    ]);
    const r = decodeDamagedUtf8(bytes);
    assert.deepEqual(r.damagedAt, [3]);
    assert.equal(r.cutShort, true);
    assert.equal(r.text, '党\ufffd\ufffd建工作');
  });

  it('finds nothing in valid UTF-8', () => {
    const r = decodeDamagedUtf8(Buffer.from('𠀀党 ok', 'utf8'));
    assert.deepEqual([r.damagedAt, r.cutShort, r.text], [[], false, '𠀀党 ok']);
  });
});
