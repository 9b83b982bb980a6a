import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restoreWords } from './restore.js';

describe('restoreWords', () => {
  it('restores 党 where the filters left its verb or its object standing', () => {
    const { text, restorations } = restoreWords('感D恩、听D话、跟D走，坚持全面从严治D，入D誓词。');
    assert.equal(text, '感党恩、听党话、跟党走，坚持全面从严治党，入党誓词。');
    assert.equal(restorations.length, 5);
    assert.ok(restorations.every((r) => r.original === 'D' && r.restored === '党'));
  });

  it('restores every AAA channel as 微信, and keeps an AAA rating', () => {
    const { text } = restoreWords('加入AAA群，关注AAA公众号、AAA视频号和AAA小程序；国家AAA级旅游景区。');
    assert.equal(text, '加入微信群，关注微信公众号、微信视频号和微信小程序；国家AAA级旅游景区。');
  });

  it('keeps LED, 3D, CAD and D级 as they are', () => {
    const line = '更换LED灯具，引进3D打印和CAD制图，D级危房全部改造。';
    assert.deepEqual(restoreWords(line), { text: line, restorations: [] });
  });
});
