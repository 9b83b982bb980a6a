import { html } from '../html.js';

export interface AtomEntry {
  id: number;
  title: string;
  updated: string;
  /** Free text only: the start of what a guest may read. */
  summary: string;
  categories: string[];
}

export interface AtomFeed {
  title: string;
  /** The site's origin (http://host:port), from the request. */
  origin: string;
  /** The feed's own path with its query. */
  self: string;
  updated: string;
  entries: AtomEntry[];
}

/** An Atom 1.0 document (RFC 4287); escaping as for HTML is valid XML. */
export function atomFeed(f: AtomFeed): string {
  return html`<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
      <title>${f.title}</title>
      <id>${f.origin}${f.self}</id>
      <link rel="self" type="application/atom+xml" href="${f.origin}${f.self}" />
      <link rel="alternate" type="text/html" href="${f.origin}/updates" />
      <updated>${f.updated}</updated>
      <generator>sucai</generator>
      ${f.entries.map(
        (e) => html`
          <entry>
            <title>${e.title}</title>
            <id>${f.origin}/documents/${e.id}</id>
            <link rel="alternate" type="text/html" href="${f.origin}/documents/${e.id}" />
            <updated>${e.updated}</updated>
            ${e.categories.map((c) => html`<category term="${c}" />`)}
            <summary type="text">${e.summary}</summary>
          </entry>
        `,
      )}</feed
    > `.value;
}
