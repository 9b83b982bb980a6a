import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText, type ParsedDocument } from '../document.js';
import { expected, readSeed, type OutlineFact } from '../../testing/shared-seeds.js';
import { parseFile } from './parse-file.js';

const facts = expected();

/**
 * The sensitive-word filters' spellings GUIDE.md names (D的, D员 …, dangshi, AAA公众号), not inside a Latin word
 * such as LED or 3D: a seed whose raw text holds one must record restorations.
 */
const OBFUSCATED = /(?<![A-Za-z0-9])D(?=[的员委组支课建性工政])|dangshi|AAA(?=公众号)/;

function assertRestorationsAtOffsets(doc: ParsedDocument): void {
  const text = documentText(doc);
  for (const r of doc.restorations) assert.equal(text.slice(r.offset, r.offset + r.restored.length), r.restored);
}

function assertOutline(doc: ParsedDocument, outline: OutlineFact[]): void {
  const got = JSON.stringify(doc.outline.map((o) => [o.level, o.text]));
  assert.equal(doc.outline.length, outline.length, `outline of ${doc.title}: ${got}`);
  outline.forEach(([level, text], i) => {
    const got = doc.outline[i]!;
    assert.equal(got.level, level, `level of outline entry ${i} (${got.text})`);
    assert.ok(got.text.startsWith(text), `outline entry ${i}: "${got.text}" should start with "${text}"`);
  });
}

function freeAndPaid(doc: ParsedDocument): { free: string; paid: string } {
  const text = documentText(doc);
  assert.notEqual(doc.freeChars, null, `${doc.title} should have a paid part`);
  return { free: text.slice(0, doc.freeChars!), paid: text.slice(doc.freeChars!).replace(/^\n/, '') };
}

for (const [file, fact] of Object.entries(facts.documents)) {
  describe(`seed ${file}`, () => {
    const parsed = parseFile(readSeed(file));
    const docs = parsed.documents;
    const all = docs.map((d) => `${d.title}\n${documentText(d)}\n${d.tags.join(' ')}`).join('\n');

    it(`holds ${fact.articles} article(s)`, () => assert.equal(docs.length, fact.articles));

    it('keeps no noise', () => {
      for (const word of facts.forbiddenEverywhere) assert.ok(!all.includes(word), `"${word}" survived cleaning`);
      if (parsed.compilation) {
        for (const word of facts.forbiddenEverywhere) assert.ok(!parsed.compilation.title.includes(word));
      }
    });

    it('keeps the content it must', () => {
      for (const s of fact.mustContain ?? []) assert.ok(all.includes(s), `missing "${s}"`);
      for (const s of fact.mustNotContain ?? []) assert.ok(!all.includes(s), `should not contain "${s}"`);
    });

    it('stores paragraphs without indentation', () => {
      const paragraphs = docs.flatMap((d) => d.paragraphs);
      assert.ok(paragraphs.length > 0, 'no paragraphs to check');
      for (const p of paragraphs) assert.doesNotMatch(p.text, /^[\s\u3000]|[\s\u3000]$/);
    });

    if (fact.articles === 1) {
      const doc = docs[0]!;
      it('reads title, genre, dates and tags', () => {
        if (fact.title !== undefined) assert.equal(doc.title, fact.title);
        if (fact.rawTitle !== undefined) assert.equal(doc.rawTitle, fact.rawTitle);
        if (fact.genre !== undefined) assert.equal(doc.genre, fact.genre);
        if (fact.year !== undefined) assert.equal(doc.year, fact.year);
        if (fact.publishedAt !== undefined) assert.equal(doc.publishedAt, fact.publishedAt);
        if (fact.tags !== undefined) assert.deepEqual([...doc.tags].sort(), [...fact.tags].sort());
      });
      it('reads the outline', () => assertOutline(doc, fact.outline ?? []));
      it('finds the paid boundary', () => {
        if (fact.paid === null) return assert.equal(doc.freeChars, null);
        const { free, paid } = freeAndPaid(doc);
        assert.ok(free.endsWith(fact.paid!.freeEndsWith!), `free part ends with …${free.slice(-30)}`);
        assert.ok(paid.startsWith(fact.paid!.paidStartsWith!), `paid part starts with ${paid.slice(0, 30)}…`);
      });
      if (fact.placeholders) {
        it('marks placeholders as fill-in slots', () => {
          const text = documentText(doc);
          assert.ok(doc.placeholders.length >= fact.placeholders!.atLeast);
          for (const ex of fact.placeholders!.examples) {
            assert.ok(
              doc.placeholders.some((p) => p.text === ex),
              `no slot "${ex}"`,
            );
          }
          for (const p of doc.placeholders) assert.equal(text.slice(p.offset, p.offset + p.text.length), p.text);
        });
      }
      if (fact.titleOccurrencesInBody !== undefined) {
        it('drops repeated titles from the body', () => {
          assert.equal(documentText(doc).split(doc.title).length - 1, fact.titleOccurrencesInBody);
        });
      }
      if (fact.joinedParagraphs) {
        it('rejoins broken lines into paragraphs', () => {
          for (const [a, b] of fact.joinedParagraphs!) {
            const joined = doc.paragraphs.some((p) => p.text.includes(a) && p.text.includes(b));
            assert.ok(joined, `"${a}" and "${b}" not in one paragraph`);
          }
        });
      }
      if (OBFUSCATED.test(readSeed(file))) {
        it('records restorations at their offsets', () => {
          assert.ok(doc.restorations.length > 0, 'no restorations recorded');
          assertRestorationsAtOffsets(doc);
        });
      } else {
        it('restores nothing in a seed without obfuscated words', () => assert.deepEqual(doc.restorations, []));
      }
    } else {
      it('splits the compilation into its articles', () => {
        assert.equal(parsed.compilation?.title, fact.compilationTitle);
        assert.deepEqual(
          docs.map((d) => d.title),
          fact.articleTitles,
        );
      });
      it('reads the outline of article 6: its numbered sections, each lead under one', () => {
        // expected.json predates lead headings (issue 24): its four sections stand, and the short parallel
        // sentences that head the paragraphs within them are leads one level below.
        const article = docs[5]!;
        assertOutline(
          { ...article, outline: article.outline.filter((o) => o.kind !== 'lead') },
          fact.outlineOfArticle6 ?? [],
        );
        const leads = article.outline.filter((o) => o.kind === 'lead');
        assert.ok(leads.length >= 6, `leads: ${leads.length}`);
        for (const lead of leads) assert.equal(lead.level, 2, lead.text);
      });
      it('records restorations in every article, at their offsets', () => {
        assert.ok(OBFUSCATED.test(readSeed(file)), 'the compilation seed holds obfuscated words');
        assert.ok(docs.length > 0, 'no articles to check');
        const without = docs.filter((d) => d.restorations.length === 0).map((d) => d.title);
        assert.deepEqual(without, [], 'articles without restorations');
        for (const d of docs) assertRestorationsAtOffsets(d);
      });
      it('puts the paid boundary inside article 5 and makes later articles paid', () => {
        assert.ok(docs.length > 5, `articles: ${docs.length}`);
        docs.slice(0, 4).forEach((d) => assert.equal(d.freeChars, null, d.title));
        const fifth = docs[4]!;
        const text = documentText(fifth);
        assert.ok(text.includes(fact.paid!.joinedText!));
        const at = text.indexOf(fact.paid!.joinedText!);
        const inside = fifth.freeChars! > at && fifth.freeChars! < at + fact.paid!.joinedText!.length;
        assert.ok(inside, 'boundary inside the joined sentence');
        assert.notEqual(text[fifth.freeChars! - 1], '\n');
        docs.slice(5).forEach((d) => assert.equal(d.freeChars, 0, d.title));
      });
      it('ends the last article with its last real sentence', () => {
        const last = documentText(docs[docs.length - 1]!);
        assert.ok(last.endsWith('不断增强群众幸福感和获得感。'), last.slice(-40));
      });
      it('records the ad block it removed', () => {
        const ads = docs.flatMap((d) => d.removed).filter((r) => r.rule === 'ad-block');
        assert.ok(ads.length >= 4, `ad lines removed: ${ads.length}`);
      });
    }
  });
}
