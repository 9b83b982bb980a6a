/**
 * Why a file was not taken, in Chinese for the people who dropped it (the note beside it in rejected/, the
 * batch report page). The codes are ingest's (RejectCode) and the inbox's own for archives.
 */
const REASONS: Readonly<Record<string, string>> = {
  empty: '文件是空的，或没有可读的文字',
  binary: '不是文本文件（例如图片、PDF 或旧版 .doc），无法读取',
  truncated: '文件不完整（像是被截断了）',
  'unsupported-type': '不支持这种文件类型（支持 .txt、.md、.html、.htm、.docx，以及装着它们的 .zip）',
  undecodable: '无法识别文字编码，读出来是乱码',
  corrupt: '文件已损坏，无法打开',
  missing: '文件不存在，或是一个失效的链接',
  unreadable: '文件无法读取（没有读取权限或读取出错）',
  'no-content': '清理掉广告、水印和页面杂项后，没有留下正文',
  'zip-bomb': '压缩包解压后过大，疑似“压缩炸弹”，为安全起见整个拒收',
  'zip-entries': '压缩包里的文件太多，整个拒收',
  'zip-traversal': '压缩包里有指向包外的路径（如 ../ 或绝对路径），为安全起见整个拒收',
  'zip-corrupt': '压缩包已损坏，无法解压',
  'zip-nested': '压缩包里的压缩包不会再展开，请解压后再放入',
  'too-large': '文件超过大小上限',
};

/** The Chinese reason for a rejection code; an unknown code gets a general sentence. */
export function rejectReason(code: string | null | undefined): string {
  return (code && REASONS[code]) || '无法收录这个文件';
}
