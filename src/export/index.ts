/** Downloads of a document (or its outline): .docx in the GB/T 9704-2012 layout, .txt and .md. Pure: no I/O. */
export { MEMBERS_LINE, type ExportDocument, type ExportOptions, type ExportParagraph } from './document.js';
export { documentToDocx } from './docx.js';
export { documentToText } from './text.js';
export { documentToMarkdown } from './markdown.js';
export { EXPORT_MEDIA_TYPE, contentDisposition, exportFileName, type ExportFormat } from './file-name.js';
