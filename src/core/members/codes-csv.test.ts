import assert from 'node:assert/strict';
import { it } from 'node:test';
import { codesCsv } from './codes-csv.js';
import { checkFolderName, MAX_FOLDER_NAME } from './folder-name.js';

it('writes a CSV with a BOM, CRLF rows, quoted fields and defused formulas', () => {
  const csv = codesCsv([
    { code: '7K3M-Q9TX-2HWD-VR4C', tier: 'vip', days: 30, batchId: 4, createdAt: '2026-02-01T00:00:00.000Z' },
    { code: '=HYPERLINK("x")', tier: 'a,b', days: 1, batchId: 4, createdAt: 't' },
  ]);
  assert.ok(csv.startsWith('\ufeff卡密,等级,天数,批次,生成时间\r\n'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[1], '7K3M-Q9TX-2HWD-VR4C,vip,30,4,2026-02-01T00:00:00.000Z');
  assert.equal(lines[2], `"'=HYPERLINK(""x"")","a,b",1,4,t`);
  assert.equal(lines[3], '');
});

it('keeps folder names short, visible and trimmed', () => {
  assert.deepEqual(checkFolderName('  讲话  稿 '), { ok: true, name: '讲话 稿' });
  assert.equal(checkFolderName('').ok, false);
  assert.equal(checkFolderName('a\u0007b').ok, false);
  assert.equal(checkFolderName('字'.repeat(MAX_FOLDER_NAME)).ok, true);
  assert.equal(checkFolderName('字'.repeat(MAX_FOLDER_NAME + 1)).ok, false);
});
