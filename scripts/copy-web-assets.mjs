// Copies the web's stylesheet and script next to the compiled server (dist/web/assets), which serves them.
import { cpSync } from 'node:fs';

cpSync(new URL('../src/web/assets/', import.meta.url), new URL('../dist/web/assets/', import.meta.url), {
  recursive: true,
});
