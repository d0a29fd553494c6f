import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeBytes, detectMediaType } from './decode.js';

const TEXT = 'Café owners in Halm reopened on Monday – “finally”.';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    bytes.push(...(littleEndian ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]));
  }
  return Uint8Array.from(bytes);
}

describe('decodeBytes', () => {
  const CASES: readonly { name: string; bytes: Uint8Array; encoding: string; warns?: boolean }[] = [
    { name: 'UTF-8', bytes: new TextEncoder().encode(TEXT), encoding: 'utf-8' },
    { name: 'UTF-8 with BOM', bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]), encoding: 'utf-8' },
    { name: 'UTF-16LE with BOM', bytes: utf16(TEXT, true, true), encoding: 'utf-16le' },
    { name: 'UTF-16BE with BOM', bytes: utf16(TEXT, false, true), encoding: 'utf-16be' },
    { name: 'UTF-16LE without BOM', bytes: utf16(TEXT, true, false), encoding: 'utf-16le' },
    // "Café … – “finally”." in Windows-1252: é = E9, – = 96, “ = 93, ” = 94.
    {
      name: 'Windows-1252',
      bytes: Uint8Array.from([...'Caf'].map((c) => c.charCodeAt(0)).concat([0xe9], [...' owners in Halm reopened on Monday '].map((c) => c.charCodeAt(0)), [0x96, 0x20, 0x93], [...'finally'].map((c) => c.charCodeAt(0)), [0x94, 0x2e])),
      encoding: 'windows-1252',
      warns: true,
    },
  ];
  for (const testCase of CASES) {
    test(testCase.name, () => {
      const decoded = decodeBytes(testCase.bytes, 'input.txt');
      assert.ok(decoded.ok);
      assert.equal(decoded.text, TEXT);
      assert.equal(decoded.encoding, testCase.encoding);
      assert.equal(decoded.diagnostics.length > 0, testCase.warns === true);
    });
  }

  const REFUSED: readonly { name: string; bytes: Uint8Array; code: string }[] = [
    { name: 'empty', bytes: new Uint8Array(0), code: 'empty' },
    { name: 'white space only', bytes: new TextEncoder().encode(' \n\t\n'), code: 'empty' },
    { name: 'PDF', bytes: new TextEncoder().encode('%PDF-1.7 binary'), code: 'binary' },
    { name: 'NUL bytes', bytes: Uint8Array.from([0x41, 0x00, 0x00, 0x00, 0x42, 0x43, 0x00, 0x01, 0x02]), code: 'binary' },
  ];
  for (const testCase of REFUSED) {
    test(`refuses ${testCase.name}`, () => {
      const decoded = decodeBytes(testCase.bytes, 'input.txt');
      assert.equal(decoded.ok, false);
      assert.equal(decoded.ok ? '' : decoded.code, testCase.code);
    });
  }

  test('line endings are normalised', () => {
    const decoded = decodeBytes(new TextEncoder().encode('a\r\nb\rc'), 'x');
    assert.ok(decoded.ok && decoded.text === 'a\nb\nc');
  });
});

describe('detectMediaType', () => {
  test('HTML documents', () => assert.equal(detectMediaType('<!DOCTYPE html><html><body><p>x</p></body></html>'), 'text/html'));
  test('plain text mentioning a tag', () => assert.equal(detectMediaType('The <p> tag starts a paragraph.'), 'text/plain'));
});
