/** Longest name of a favourites folder, in characters. */
export const MAX_FOLDER_NAME = 30;

/**
 * A folder name as stored (trimmed, inner runs of space made one), or a Chinese message saying why it is
 * refused: empty, too long, or holding control characters.
 */
export function checkFolderName(input: string): { ok: true; name: string } | { ok: false; message: string } {
  const name = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '') return { ok: false, message: '收藏夹名称不能为空' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { ok: false, message: '收藏夹名称含有不可见字符' };
  if ([...name].length > MAX_FOLDER_NAME) return { ok: false, message: `收藏夹名称最长 ${MAX_FOLDER_NAME} 个字` };
  return { ok: true, name };
}
