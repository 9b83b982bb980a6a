import { createInterface } from 'node:readline';

/**
 * A password from the terminal, typed twice without echo; or, when stdin is not a terminal (a script,
 * `echo … | sucai user add`), its first line. Never from an argument: it would stay in the shell's history.
 */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return (await firstLine()) ?? '';
  const first = await hidden(prompt);
  const again = await hidden('再输入一次：');
  if (first !== again) throw new Error('两次输入的密码不一致');
  return first;
}

async function firstLine(): Promise<string | null> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  return null;
}

function hidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (error: Error | null): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
