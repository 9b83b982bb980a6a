// 公文素材库: the little JavaScript the pages use. Every page works without it; this adds copy buttons,
// suggestions while typing, filters that apply on change and an outline that folds on a phone.
(function () {
  'use strict';

  function toast(message) {
    var el = document.createElement('div');
    el.className = 'toast';
    el.setAttribute('role', 'status');
    el.textContent = message;
    document.body.appendChild(el);
    setTimeout(function () {
      el.remove();
    }, 1600);
  }

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error('copy failed'));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return fallbackCopy(text);
      });
    }
    return fallbackCopy(text);
  }

  // The plain text of an element: slots and highlights are spans and marks, their text is kept, tags are not.
  function plain(el) {
    if (!el.classList.contains('para')) {
      var paras = el.querySelectorAll('.para');
      if (paras.length > 0) return Array.prototype.map.call(paras, plain).join('\n');
    }
    var clone = el.cloneNode(true);
    clone.querySelectorAll('.tools').forEach(function (t) {
      t.remove();
    });
    return clone.textContent.trim();
  }

  // A section: its heading and every paragraph after it until a heading of the same or a higher level.
  function sectionText(index) {
    var start = document.getElementById('p' + index);
    if (!start) return '';
    var level = Number(start.getAttribute('data-level') || '9');
    var parts = [plain(start)];
    for (var el = start.nextElementSibling; el; el = el.nextElementSibling) {
      if (!el.classList.contains('para')) break;
      var l = el.getAttribute('data-level');
      if (l !== null && Number(l) <= level) break;
      parts.push(plain(el));
    }
    return parts.join('\n');
  }

  function textFor(button) {
    if (button.hasAttribute('data-copy')) return button.getAttribute('data-copy');
    var from = button.getAttribute('data-copy-from');
    if (from) {
      var el = document.querySelector(from);
      return el ? plain(el) : '';
    }
    var section = button.getAttribute('data-copy-section');
    if (section) return sectionText(section);
    return '';
  }

  // Each paragraph's copy button, and a heading's for its section: made here, as they work only with this
  // script (made on the server they were a third of a long document's page).
  function copyTool(attribute, value, title, label) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.setAttribute(attribute, value);
    button.title = title;
    button.textContent = label;
    return button;
  }

  document.querySelectorAll('#doc-body .para[id]').forEach(function (p) {
    var tools = document.createElement('span');
    tools.className = 'tools';
    tools.appendChild(copyTool('data-copy-from', '#' + p.id, '复制这一段', '复制'));
    if (p.hasAttribute('data-level')) {
      tools.appendChild(copyTool('data-copy-section', p.id.slice(1), '复制这一节（标题及其下各段）', '复制本节'));
    }
    p.appendChild(tools);
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button.copy');
    if (!button) return;
    event.preventDefault();
    var text = textFor(button);
    if (!text) return;
    copyText(text).then(
      function () {
        button.classList.add('copied');
        var label = button.textContent;
        button.textContent = '已复制';
        setTimeout(function () {
          button.classList.remove('copied');
          button.textContent = label;
        }, 1400);
        toast('已复制 ' + text.length + ' 字');
      },
      function () {
        toast('复制失败，请手动选择文字复制');
      },
    );
  });

  // Filters apply as soon as one changes; the submit button is for browsers without this script.
  document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
    form.querySelectorAll('select, input[type=checkbox]').forEach(function (field) {
      field.addEventListener('change', function () {
        if (form.requestSubmit) form.requestSubmit();
        else form.submit();
      });
    });
    var button = form.querySelector('.apply');
    if (button) button.hidden = true;
  });
  // Empty filters are left out of the address, so it stays short and shareable.
  document.querySelectorAll('form[action="/search"]').forEach(function (form) {
    form.addEventListener('submit', function () {
      form.querySelectorAll('select, input').forEach(function (field) {
        if (field.name && field.value === '' && field.name !== 'q') field.disabled = true;
      });
    });
  });

  // On a phone the outline starts folded above the text.
  if (window.matchMedia('(max-width: 760px)').matches) {
    document.querySelectorAll('details.outline-nav, details.filter-box:not([data-active])').forEach(function (d) {
      d.open = false;
    });
  }

  // Suggestions while typing: titles and headings that contain what is typed.
  function suggest(input) {
    var box = document.createElement('ul');
    box.className = 'suggestions';
    box.hidden = true;
    box.setAttribute('role', 'listbox');
    input.parentNode.appendChild(box);
    var timer = null;
    var last = '';
    var selected = -1;

    function close() {
      box.hidden = true;
      selected = -1;
    }
    function mark(i) {
      var items = box.querySelectorAll('a');
      items.forEach(function (a, k) {
        a.setAttribute('aria-selected', k === i ? 'true' : 'false');
      });
      selected = i;
    }
    function render(items) {
      box.textContent = '';
      items.forEach(function (item) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = item.url;
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = item.kind === 'title' ? '标题' : '提纲';
        var text = document.createElement('span');
        text.textContent = item.text;
        a.appendChild(kind);
        a.appendChild(text);
        li.appendChild(a);
        box.appendChild(li);
      });
      box.hidden = items.length === 0;
      selected = -1;
    }
    input.addEventListener('input', function () {
      var q = input.value.trim();
      clearTimeout(timer);
      if (q.length < 1) return close();
      timer = setTimeout(function () {
        if (q === last) return;
        last = q;
        fetch('/api/suggest?q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } })
          .then(function (r) {
            return r.ok ? r.json() : { suggestions: [] };
          })
          .then(function (data) {
            if (input.value.trim() === q) render(data.suggestions || []);
          })
          .catch(close);
      }, 140);
    });
    input.addEventListener('keydown', function (event) {
      var items = box.querySelectorAll('a');
      if (box.hidden || items.length === 0) return;
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        mark((selected + 1) % items.length);
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        mark((selected - 1 + items.length) % items.length);
      } else if (event.key === 'Enter' && selected >= 0) {
        event.preventDefault();
        window.location.href = items[selected].href;
      } else if (event.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', function () {
      setTimeout(close, 150);
    });
  }
  document.querySelectorAll('input[data-suggest]').forEach(suggest);
})();
