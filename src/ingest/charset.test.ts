import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { charsetFromContentType, encodingForLabel, parseContentType, prescanMetaCharset, xmlDeclaredEncoding } from './charset.js';
import { decodeBytes } from './decode.js';
import { readInputs } from './files.js';

let shiftJisTable: Map<string, readonly number[]> | undefined;

/**
 * Encodes text as Shift_JIS. Node has no Shift_JIS encoder, so the table is built by decoding
 * every two-byte code once; ASCII passes through.
 */
function shiftJis(text: string): Buffer {
  if (shiftJisTable === undefined) {
    shiftJisTable = new Map();
    const decoder = new TextDecoder('shift_jis');
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (char.length === 1 && char !== '\ufffd' && !shiftJisTable.has(char)) shiftJisTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = shiftJisTable.get(char);
      if (pair === undefined) throw new Error(`no Shift_JIS code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');
const JAPANESE = '東京で新しい橋が開通し、多くの市民が集まった。';

describe('parseContentType', () => {
  test('essence and parameters', () => {
    const parsed = parseContentType('Text/HTML ; Charset="Shift_JIS" ; q=1');
    assert.equal(parsed.essence, 'text/html');
    assert.equal(parsed.parameters.get('charset'), 'Shift_JIS');
  });
  test('a quoted value may hold a semicolon; the first occurrence wins', () => {
    const parsed = parseContentType('text/plain; title="a;b"; charset=utf-8; charset=latin1');
    assert.equal(parsed.parameters.get('title'), 'a;b');
    assert.equal(parsed.parameters.get('charset'), 'utf-8');
  });
  test('a malformed type has no essence', () => assert.equal(parseContentType('html').essence, ''));
});

describe('encodingForLabel', () => {
  const CASES: readonly (readonly [string, string | null])[] = [
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['iso-8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['sjis', 'shift_jis'],
    ['x-sjis', 'shift_jis'],
    ['gb2312', 'gbk'],
    ['euc-kr', 'euc-kr'],
    ['koi8-r', 'koi8-r'],
    ['iso-8859-15', 'iso-8859-15'],
    [' big5 ', 'big5'],
    ['iso-2022-kr', null],
    ['no-such-charset', null],
    ['', null],
  ];
  for (const [label, expected] of CASES) test(`${JSON.stringify(label)} → ${expected}`, () => assert.equal(encodingForLabel(label), expected));
  test('from a Content-Type header', () => assert.equal(charsetFromContentType('text/html; charset=ISO-8859-1'), 'windows-1252'));
});

describe('prescanMetaCharset', () => {
  test('<meta charset> after 500 bytes of head', () => {
    const head = `<!DOCTYPE html><html><head><!-- ${'x'.repeat(500)} --><title>t</title><meta charset="shift_jis"></head>`;
    assert.equal(prescanMetaCharset(ascii(head)), 'shift_jis');
  });
  test('http-equiv with content', () => {
    assert.equal(prescanMetaCharset(ascii('<meta http-equiv="Content-Type" content="text/html; charset=euc-jp">')), 'euc-jp');
    assert.equal(prescanMetaCharset(ascii("<META CONTENT='text/html;charset=koi8-r' HTTP-EQUIV='content-type'>")), 'koi8-r');
  });
  test('content without http-equiv does not count', () => {
    assert.equal(prescanMetaCharset(ascii('<meta name="x" content="charset=euc-jp">')), null);
  });
  test('comments and quoted attribute values cannot fake a declaration', () => {
    assert.equal(prescanMetaCharset(ascii('<!-- <meta charset="big5"> --><p title="<meta charset=big5>">x</p>')), null);
  });
  test('unquoted values and the first declaration win', () => {
    assert.equal(prescanMetaCharset(ascii('<meta charset=gbk><meta charset=big5>')), 'gbk');
  });
  test('a UTF-16 declaration in ASCII-readable bytes means UTF-8', () => {
    assert.equal(prescanMetaCharset(ascii('<meta charset="utf-16">')), 'utf-8');
  });
  test('nothing is looked for past the limit', () => {
    assert.equal(prescanMetaCharset(ascii(`<!DOCTYPE html>${' '.repeat(5000)}<meta charset="gbk">`)), null);
  });
});

describe('xmlDeclaredEncoding', () => {
  test('reads the declaration', () => assert.equal(xmlDeclaredEncoding(ascii(`<?xml version="1.0" encoding='ISO-8859-1'?><rss/>`)), 'windows-1252'));
  test('only at the start', () => assert.equal(xmlDeclaredEncoding(ascii(` <?xml version="1.0" encoding="gbk"?>`)), null));
});

describe('decodeBytes with declarations', () => {
  const sjisPage = Buffer.concat([ascii('<html><head><title>t</title></head><body><p>'), shiftJis(JAPANESE), ascii('</p></body></html>')]);

  test('Shift_JIS by the Content-Type header', () => {
    const decoded = decodeBytes(sjisPage, 'u', { contentType: 'text/html; charset=Shift_JIS' });
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'shift_jis');
    assert.ok(decoded.text.includes(JAPANESE));
    assert.deepEqual(decoded.diagnostics, []);
  });

  test('Shift_JIS by a <meta> charset after 500 bytes', () => {
    const bytes = Buffer.concat([
      ascii(`<html><head><style>${'p{margin:0}'.repeat(50)}</style><meta http-equiv="content-type" content="text/html; charset=x-sjis"></head><body><p>`),
      shiftJis(JAPANESE),
      ascii('</p></body></html>'),
    ]);
    assert.ok(bytes.indexOf('<meta') > 500);
    const decoded = decodeBytes(bytes, 'u', { contentType: 'text/html' });
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'shift_jis');
    assert.ok(decoded.text.includes(JAPANESE));
  });

  test('Windows-1252 curly quotes declared as ISO-8859-1', () => {
    const bytes = Buffer.from([...ascii('He said '), 0x93, ...ascii('no'), 0x94, ...ascii(' '), 0x96, ...ascii(' twice.')]);
    const decoded = decodeBytes(bytes, 'u', { contentType: 'text/plain; charset=iso-8859-1' });
    assert.ok(decoded.ok);
    assert.equal(decoded.text, 'He said “no” – twice.');
    assert.equal(decoded.encoding, 'windows-1252');
    assert.deepEqual(decoded.diagnostics, []);
  });

  test('the header outranks the <meta> charset', () => {
    const bytes = Buffer.concat([ascii('<meta charset="euc-jp"><p>'), shiftJis(JAPANESE)]);
    const decoded = decodeBytes(bytes, 'u', { contentType: 'text/html; charset=shift_jis' });
    assert.ok(decoded.ok && decoded.encoding === 'shift_jis' && decoded.text.includes(JAPANESE));
  });

  test('a byte-order mark outranks the header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zürich')]);
    const decoded = decodeBytes(bytes, 'u', { contentType: 'text/plain; charset=shift_jis' });
    assert.ok(decoded.ok && decoded.encoding === 'utf-8' && decoded.text === 'Zürich');
  });

  test('UTF-8 declared on Windows-1252 bytes falls back, saying which declaration was wrong', () => {
    const bytes = Buffer.from([...ascii('<p>Caf'), 0xe9, ...ascii(' '), 0x93, ...ascii('open'), 0x94, ...ascii('</p>')]);
    const decoded = decodeBytes(bytes, 'u', { contentType: 'text/html; charset=utf-8' });
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'windows-1252');
    assert.equal(decoded.text, '<p>Café “open”</p>');
    assert.equal(decoded.diagnostics[0]?.code, 'encoding-fallback');
    assert.match(decoded.diagnostics[0]?.message ?? '', /Content-Type header says utf-8.*Windows-1252/);
  });

  test('UTF-8 with one stray byte stays UTF-8, with a warning', () => {
    const bytes = Buffer.concat([Buffer.from('Zürich, Genève, Köln, Málaga, Łódź: '), Buffer.from([0xff]), Buffer.from(' ok')]);
    const decoded = decodeBytes(bytes, 'u', { contentType: 'text/plain; charset=utf-8' });
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'utf-8');
    assert.ok(decoded.text.startsWith('Zürich, Genève'));
    assert.match(decoded.diagnostics[0]?.message ?? '', /1 byte sequence not valid utf-8/);
  });

  test('a legacy declaration on valid UTF-8 yields to UTF-8, with a warning', () => {
    const decoded = decodeBytes(Buffer.from('<p>Genève “open”</p>'), 'u', { contentType: 'text/html; charset=iso-8859-1' });
    assert.ok(decoded.ok);
    assert.equal(decoded.text, '<p>Genève “open”</p>');
    assert.equal(decoded.encoding, 'utf-8');
    assert.match(decoded.diagnostics[0]?.message ?? '', /says windows-1252, but the bytes are valid UTF-8/);
  });

  test('a declaration the bytes do not fit is set aside for the next one', () => {
    const bytes = Buffer.concat([ascii('<meta charset="shift_jis"><p>'), shiftJis(JAPANESE)]);
    const decoded = decodeBytes(bytes, 'u', { contentType: 'text/html; charset=utf-8' });
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'shift_jis');
    assert.ok(decoded.text.includes(JAPANESE));
  });

  test('an XML declaration names a feed’s encoding', () => {
    const bytes = Buffer.from([...ascii('<?xml version="1.0" encoding="windows-1252"?><rss><title>'), 0x93, ...ascii('Hi'), 0x94, ...ascii('</title></rss>')]);
    const decoded = decodeBytes(bytes, 'u', { contentType: 'application/rss+xml' });
    assert.ok(decoded.ok && decoded.text.includes('“Hi”') && decoded.encoding === 'windows-1252');
  });

  test('a PNG served as text/html is binary whatever it declares', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const decoded = decodeBytes(png, 'u', { contentType: 'text/html; charset=utf-8' });
    assert.equal(decoded.ok, false);
    assert.equal(decoded.ok ? '' : decoded.code, 'binary');
  });

  test('plain text is not searched for a <meta> charset', () => {
    const decoded = decodeBytes(Buffer.from('Write <meta charset="shift_jis"> in the head.'), 'u', { contentType: 'text/plain' });
    assert.ok(decoded.ok && decoded.encoding === 'utf-8');
  });
});

describe('local HTML files', () => {
  test('a Shift_JIS .html file decodes by its <meta> charset', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'parallax-charset-'));
    try {
      const page = Buffer.concat([
        ascii('<!DOCTYPE html><html><head><meta charset="Shift_JIS"><title>t</title></head><body><p>'),
        shiftJis(JAPANESE),
        ascii('</p></body></html>'),
      ]);
      await writeFile(join(directory, 'page.html'), page);
      await writeFile(join(directory, 'page-without-extension'), page);
      const { fetched, diagnostics } = await readInputs([directory]);
      assert.deepEqual(diagnostics, []);
      assert.equal(fetched.length, 2);
      for (const item of fetched) {
        assert.equal(item.encoding, 'shift_jis');
        assert.ok(item.text.includes(JAPANESE));
        assert.deepEqual(item.diagnostics, []);
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
