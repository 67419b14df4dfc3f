// mime(): FUNCTIONS.md §2's table first (the contract, pinned even if the database changes), then the maintained
// mime-db database (through mime-types) for every other extension.
import { lookup } from 'mime-types';
import { text } from './convert.js';

const ext = (type: string, ...names: string[]): Array<[string, string]> => names.map((n) => [n, type]);

/** SPEC_TYPES represents the extension table of FUNCTIONS.md §2 `mime`. */
const SPEC_TYPES: ReadonlyMap<string, string> = new Map([
  ...ext('text/plain', 'txt', 'text', 'log'),
  ...ext('text/html', 'html', 'htm'),
  ...ext('text/css', 'css'),
  ...ext('text/csv', 'csv'),
  ...ext('text/markdown', 'md', 'markdown'),
  ...ext('text/calendar', 'ics'),
  ...ext('text/javascript', 'js', 'mjs'),
  ...ext('application/json', 'json'),
  ...ext('application/xml', 'xml'),
  ...ext('application/yaml', 'yaml', 'yml'),
  ...ext('application/pdf', 'pdf'),
  ...ext('application/zip', 'zip'),
  ...ext('application/gzip', 'gz'),
  ...ext('application/x-tar', 'tar'),
  ...ext('application/x-7z-compressed', '7z'),
  ...ext('application/vnd.rar', 'rar'),
  ...ext('application/msword', 'doc'),
  ...ext('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'),
  ...ext('application/vnd.ms-excel', 'xls'),
  ...ext('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
  ...ext('application/vnd.ms-powerpoint', 'ppt'),
  ...ext('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'),
  ...ext('application/vnd.oasis.opendocument.text', 'odt'),
  ...ext('application/vnd.oasis.opendocument.spreadsheet', 'ods'),
  ...ext('image/png', 'png'),
  ...ext('image/jpeg', 'jpg', 'jpeg', 'jpe'),
  ...ext('image/gif', 'gif'),
  ...ext('image/svg+xml', 'svg'),
  ...ext('image/webp', 'webp'),
  ...ext('image/bmp', 'bmp'),
  ...ext('image/tiff', 'tif', 'tiff'),
  ...ext('image/vnd.microsoft.icon', 'ico'),
  ...ext('image/heic', 'heic'),
  ...ext('audio/mpeg', 'mp3'),
  ...ext('audio/wav', 'wav'),
  ...ext('audio/ogg', 'ogg', 'oga'),
  ...ext('audio/mp4', 'm4a'),
  ...ext('video/mp4', 'mp4', 'm4v'),
  ...ext('video/quicktime', 'mov'),
  ...ext('video/webm', 'webm'),
  ...ext('video/x-msvideo', 'avi'),
  ...ext('video/mpeg', 'mpeg', 'mpg'),
  ...ext('font/woff', 'woff'),
  ...ext('font/woff2', 'woff2'),
  ...ext('font/ttf', 'ttf'),
  ...ext('font/otf', 'otf'),
  ...ext('message/rfc822', 'eml'),
  ...ext('application/octet-stream', 'bin', 'exe', 'dll'),
  ...ext('application/rtf', 'rtf'),
]);

/** mimeType returns the MIME type of a file name by the text after its last `.` (any case), or undefined. */
export function mimeType(filename: unknown): string | undefined {
  if (filename === undefined || filename === null) return undefined;
  const name = text(filename);
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (extension === '') return undefined;
  const type = SPEC_TYPES.get(extension) ?? lookup(extension);
  return type === false ? undefined : type;
}
