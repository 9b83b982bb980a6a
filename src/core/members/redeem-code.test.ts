import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import {
  CODE_ALPHABET,
  CODE_BYTES,
  codeHash,
  codeTail,
  formatCode,
  newRedeemCode,
  normalizeCode,
} from './redeem-code.js';

const SHAPE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

it('spells 80 bits as four groups of Crockford base32, all zero bits as zeros and all ones as Z', () => {
  assert.equal(formatCode(new Uint8Array(CODE_BYTES)), '0000-0000-0000-0000');
  assert.equal(formatCode(new Uint8Array(CODE_BYTES).fill(255)), 'ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  assert.equal(formatCode(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1])), '0000-0000-0000-0001');
  assert.throws(() => formatCode(new Uint8Array(9)), /10 bytes/);
  assert.equal(CODE_ALPHABET.length, 32);
  assert.doesNotMatch(CODE_ALPHABET, /[ILOU]/);
});

it('gives different bytes different codes, and every code reads back as itself', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: CODE_BYTES, maxLength: CODE_BYTES }),
      fc.uint8Array({ minLength: CODE_BYTES, maxLength: CODE_BYTES }),
      (a, b) => {
        const code = formatCode(a);
        assert.match(code, SHAPE);
        assert.equal(normalizeCode(code), code);
        assert.equal(formatCode(b) === code, Buffer.from(a).equals(Buffer.from(b)));
      },
    ),
  );
});

it('forgives case, spaces, dashes and the letters read as digits; refuses what cannot be a code', () => {
  assert.equal(normalizeCode(' 7k3m q9tx-2hwd_vr4c '), '7K3M-Q9TX-2HWD-VR4C');
  assert.equal(normalizeCode('OOOO-IIII-LLLL-0000'), '0000-1111-1111-0000');
  assert.equal(normalizeCode('７Ｋ３Ｍ-Q9TX-2HWD-VR4C'), '7K3M-Q9TX-2HWD-VR4C');
  for (const bad of [
    '',
    '7K3M-Q9TX-2HWD',
    '7K3M-Q9TX-2HWD-VR4CX',
    'UUUU-Q9TX-2HWD-VR4C',
    "7K3M-Q9TX-2HWD-VR4'",
    '卡密卡密卡密卡密卡密卡密卡密卡密',
  ]) {
    assert.equal(normalizeCode(bad), null, bad);
  }
});

it('makes fresh codes from the random source and hashes the canonical spelling only', () => {
  const codes = new Set(Array.from({ length: 200 }, () => newRedeemCode()));
  assert.equal(codes.size, 200);
  for (const c of codes) assert.match(c, SHAPE);
  assert.equal(
    newRedeemCode(() => new Uint8Array(CODE_BYTES)),
    '0000-0000-0000-0000',
  );
  const code = '7K3M-Q9TX-2HWD-VR4C';
  assert.match(codeHash(code), /^[0-9a-f]{64}$/);
  assert.notEqual(codeHash(code), codeHash('7K3M-Q9TX-2HWD-VR4D'));
  assert.equal(codeTail(code), 'VR4C');
});
