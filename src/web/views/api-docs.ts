import { html, type Html } from '../html.js';
import { layout } from './layout.js';

/** The parts of an OpenAPI 3.1 document the page shows. */
export interface ApiDocument {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, ApiOperation>>;
}
interface ApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: ApiSchema }>;
  responses?: Record<string, { description?: string }>;
}
interface ApiSchema {
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  example?: unknown;
}

function typeOf(s: ApiSchema | undefined): string {
  if (s === undefined) return '';
  if (s.enum !== undefined) return s.enum.map(String).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? '');
  const range = s.minimum !== undefined || s.maximum !== undefined ? ` ${s.minimum ?? ''}–${s.maximum ?? ''}` : '';
  return `${type}${range}${s.maxLength !== undefined ? ` ≤${s.maxLength}字` : ''}`;
}

function operation(path: string, method: string, op: ApiOperation): Html {
  // A link to try: the path's id filled, and each query parameter with an example given it.
  const query = (op.parameters ?? [])
    .filter((p) => p.in === 'query' && p.schema?.example !== undefined)
    .map((p) => `${p.name}=${encodeURIComponent(String(p.schema!.example))}`)
    .join('&');
  const example = `${path.replace('{id}', '1')}${query === '' ? '' : `?${query}`}`;
  return html`<section class="route" id="${method}-${path}">
    <h3><span class="method">${method.toUpperCase()}</span><code>${path}</code> · ${op.summary ?? ''}</h3>
    ${op.description !== undefined ? html`<p>${op.description}</p>` : ''}
    ${
      op.parameters !== undefined && op.parameters.length > 0
        ? html`<table>
            <thead>
              <tr>
                <th>参数</th>
                <th>位置</th>
                <th>类型</th>
                <th>默认</th>
                <th>说明</th>
              </tr>
            </thead>
            <tbody>
              ${op.parameters.map(
                (p) =>
                  html`<tr>
                    <td><code>${p.name}</code>${p.required ? ' *' : ''}</td>
                    <td>${p.in}</td>
                    <td>${typeOf(p.schema)}</td>
                    <td>${p.schema?.default !== undefined ? String(p.schema.default) : ''}</td>
                    <td>${p.description ?? ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : ''
    }
    <p class="muted">
      响应：${Object.entries(op.responses ?? {}).map(([code, r]) => html`<code>${code}</code> ${r.description ?? ''}${'\u3000'}`)}
      ${!path.includes('{') || path.includes('{id}') ? html` · <a href="${example}">试一试</a>` : ''}
    </p>
  </section>`;
}

/** A browsable page of the API, made from its OpenAPI document (no outside script: it works offline). */
export function apiDocsPage(doc: ApiDocument): string {
  const byTag = new Map<string, Html[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? '其他';
      const list = byTag.get(tag) ?? [];
      list.push(operation(path, method, op));
      byTag.set(tag, list);
    }
  }
  const body = html`<div class="api-docs">
    <h1 class="page-title">${doc.info.title}</h1>
    <p>${doc.info.description ?? ''}</p>
    <p>
      机器可读的描述：<a href="/api/openapi.json"><code>/api/openapi.json</code></a
      >（OpenAPI 3.1）。
    </p>
    ${[...byTag].map(
      ([tag, ops]) =>
        html`<h2>${tag}</h2>
          ${ops}`,
    )}
  </div>`;
  return layout({ title: 'API 文档', nav: 'api', body });
}
