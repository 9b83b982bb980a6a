/**
 * The admin's own stylesheet and script (served at /admin/assets/…), beside the site's: only admin pages
 * load them. Small enough to live here as text.
 */
export const ADMIN_CSS = `
.admin-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5rem 1rem; margin: 0 0 1.2rem; }
.admin-head h1 { font-size: 1.45rem; margin: 0; }
.admin-nav { display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
.admin-nav a, .admin-nav button { font-size: .9rem; padding: .25rem .75rem; border-radius: 999px; color: var(--ink-2); border: 1px solid transparent; background: none; cursor: pointer; font-family: inherit; }
.admin-nav a[aria-current='page'] { border-color: var(--red); color: var(--red); }
.admin-nav form { display: inline; margin: 0; }
.admin-grid { display: grid; grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr); gap: 0 1.5rem; }
.admin-grid > .panel { min-width: 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 0; font-size: .93rem; }
.facts dt { color: var(--ink-3); }
.facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.drop { display: block; border: 2px dashed var(--line-2); border-radius: 8px; padding: 1.4rem 1rem; text-align: center; background: var(--paper); cursor: pointer; }
.drop:hover, .drop.over { border-color: var(--red); background: var(--red-soft); }
.drop input[type='file'] { display: block; margin: .6rem auto 0; max-width: 100%; font-size: .88rem; }
.drop strong { display: block; font-size: 1.02rem; }
.form-row { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; margin-top: .9rem; }
.form-row input[type='text'], .form-row input[type='password'], .form-row input[type='number'] { flex: 1 1 10rem; min-width: 0; padding: .45rem .6rem; border: 1px solid var(--line-2); border-radius: var(--radius); font: inherit; }
.progress { margin-top: .9rem; }
.progress .track { height: .55rem; border-radius: 999px; background: var(--line); overflow: hidden; }
.progress .fill { height: 100%; width: 0; background: var(--red); transition: width .3s; }
progress.bar { display: block; width: 100%; height: .55rem; border: 0; border-radius: 999px; background: var(--line); overflow: hidden; appearance: none; }
progress.bar::-webkit-progress-bar { background: var(--line); }
progress.bar::-webkit-progress-value { background: var(--red); }
progress.bar::-moz-progress-bar { background: var(--red); }
.progress .label { font-size: .88rem; color: var(--ink-2); margin-top: .35rem; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1.2rem; padding: 0; list-style: none; }
.counts li { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .45rem .9rem; min-width: 5.5rem; }
.counts .n { display: block; font-size: 1.35rem; font-weight: 600; line-height: 1.2; }
.counts .k { font-size: .82rem; color: var(--ink-3); }
.counts .bad .n { color: var(--red); }
.table-wrap { overflow-x: auto; }
table.admin-table { width: 100%; border-collapse: collapse; font-size: .92rem; }
.admin-table th, .admin-table td { text-align: left; padding: .5rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.admin-table th { font-weight: normal; color: var(--ink-3); font-size: .82rem; white-space: nowrap; }
.admin-table td.num, .admin-table th.num { text-align: right; font-variant-numeric: tabular-nums; }
.admin-table .path { overflow-wrap: anywhere; }
.outcome { display: inline-block; font-size: .78rem; padding: 0 .45rem; border-radius: 3px; white-space: nowrap; }
.outcome.stored, .outcome.done { background: #e6f1e8; color: #2f6b3a; }
.outcome.already-stored, .outcome.queued, .outcome.running { background: var(--paper); color: var(--ink-3); border: 1px solid var(--line); }
.outcome.rejected, .outcome.failed { background: var(--red-soft); color: var(--red); }
.item-list { list-style: none; margin: 0; padding: 0; }
.item-list > li { padding: .55rem 0; border-bottom: 1px solid var(--line); }
.item-list > li:last-child { border-bottom: 0; }
.item-list .item-action { float: right; font-size: .85rem; margin-left: 1rem; }
.item-list .sub { display: block; font-size: .85rem; color: var(--ink-3); margin-top: .15rem; overflow-wrap: anywhere; }
.rules { display: flex; flex-wrap: wrap; gap: .3rem; margin-top: .3rem; }
.rules span { font-size: .8rem; background: var(--paper); border: 1px solid var(--line); border-radius: 3px; padding: 0 .4rem; }
.notice { border-left: 3px solid var(--red); background: var(--red-soft); padding: .7rem 1rem; border-radius: 0 6px 6px 0; margin: 0 0 1rem; }
.notice.ok { border-color: #2f6b3a; background: #e6f1e8; }
.danger { background: var(--red); border-color: var(--red); color: #fff; }
.login { max-width: 26rem; margin: 2rem auto; }
code.dir { font-size: .88rem; background: var(--paper); padding: .05rem .35rem; border-radius: 3px; overflow-wrap: anywhere; }
@media (max-width: 760px) {
  .admin-grid { grid-template-columns: minmax(0, 1fr); }
  .admin-table .wide { display: none; }
  .admin-head h1 { font-size: 1.25rem; }
}
`;

/**
 * Uploads with progress: the form is sent by fetch, then its job is polled until its run is done (the page
 * works without this: the form posts and the job page refreshes itself). The inbox panel refreshes the same way.
 */
export const ADMIN_JS = `
(function () {
  'use strict';
  function $(sel, root) { return (root || document).querySelector(sel); }
  function show(progress, done, total, text) {
    progress.hidden = false;
    var pct = total > 0 ? Math.round((done / total) * 100) : 0;
    $('.fill', progress).style.width = pct + '%';
    $('.label', progress).textContent = text;
  }
  function poll(url, each, stop, ms) {
    fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) { if (!stop(data)) { each(data); setTimeout(function () { poll(url, each, stop, ms); }, ms); } })
      .catch(function () { setTimeout(function () { poll(url, each, stop, ms); }, 3 * ms); });
  }
  var form = $('form[data-upload]');
  if (form && window.fetch && window.FormData) {
    var drop = $('.drop', form);
    var input = $('input[type=file]', form);
    ['dragenter', 'dragover'].forEach(function (t) { drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); }); });
    ['dragleave', 'drop'].forEach(function (t) { drop.addEventListener(t, function () { drop.classList.remove('over'); }); });
    drop.addEventListener('drop', function (e) { e.preventDefault(); input.files = e.dataTransfer.files; });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var progress = $('.progress', form);
      var button = $('button', form);
      if (!input.files || input.files.length === 0) { show(progress, 0, 1, '请先选择文件'); return; }
      button.disabled = true;
      show(progress, 0, 1, '正在上传 ' + input.files.length + ' 个文件…');
      fetch('/api/admin/uploads', { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { 'x-csrf-token': (form.querySelector('input[name=_csrf]') || {}).value || '' } })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (res) {
          if (!res.ok) { button.disabled = false; show(progress, 0, 1, res.body.error ? res.body.error.message : '上传失败'); return; }
          var job = res.body;
          poll('/api/admin/uploads/' + job.id, function (j) {
            show(progress, j.filesDone, j.filesTotal, (j.state === 'queued' ? '排队中' : '正在收录') + '：' + j.filesDone + ' / ' + j.filesTotal);
          }, function (j) {
            if (j.state !== 'done' && j.state !== 'failed' && !j.error) return false;
            if (j.state === 'done') {
              show(progress, 1, 1, '完成');
              window.location.href = j.batchId ? '/admin/batches/' + j.batchId : '/admin/uploads/' + j.id;
              return true;
            }
            show(progress, 0, 1, '出错了：' + (j.error || '') + '（稍后自动重试）');
            return false;
          }, 400);
        })
        .catch(function () { button.disabled = false; show(progress, 0, 1, '上传失败，请检查网络'); });
    });
  }
  var panel = $('[data-inbox-status]');
  if (panel && window.fetch) {
    poll('/api/admin/status', function (s) {
      $('[data-waiting]', panel).textContent = s.waiting + ' 个文件';
      var run = s.running;
      $('[data-running]', panel).textContent = run ? (run.origin === 'upload' ? '上传' : '收件箱') + '：' + run.filesDone + ' / ' + run.filesTotal : '空闲';
    }, function () { return false; }, 2000);
  }
})();
`;
