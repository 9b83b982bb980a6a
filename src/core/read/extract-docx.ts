import mammoth from 'mammoth';

/** Paragraphs of a .docx as lines (mammoth's raw text separates paragraphs with blank lines). */
export async function extractDocx(
  bytes: Uint8Array,
): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const text = result.value
      .replace(/\r\n?/g, '\n')
      .replace(/\n{2,}/g, '\n\n')
      .trim();
    return { ok: true, text };
  } catch (error) {
    return { ok: false, problem: (error as Error).message.split('\n')[0] ?? 'unreadable' };
  }
}
