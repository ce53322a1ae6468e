// Runs the encoding case table (encodings.cases.ts) through import's decoding, and checks the generated
// fixtures and the tables they come from.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeTextWithEncoding, ImportInputError } from '../../../../importers/index.ts';
import { decodeSingleByte } from '../../../../importers/legacy-encodings/single-byte.ts';
import { encodingFixtures } from '../../../fixtures/encodings/generate-encoding-fixtures.ts';
import { FIXTURE_TEXT } from '../../../fixtures/encodings/fixture-texts.ts';
import { ENCODING_CASES, ENCODING_GUARDS, type CaseBytes } from './encodings.cases.ts';

function bytesOf(bytes: CaseBytes): Uint8Array {
  if ('utf8' in bytes) return new TextEncoder().encode(bytes.utf8);
  if ('latin1' in bytes) return Uint8Array.from(bytes.latin1, (c) => c.charCodeAt(0));
  if ('hex' in bytes) return new Uint8Array(Buffer.from(bytes.hex, 'hex'));
  if ('utf8Misread' in bytes) return new TextEncoder().encode(new TextDecoder('windows-1252').decode(new TextEncoder().encode(bytes.utf8Misread)));
  return new Uint8Array(readFileSync(new URL(`../../../fixtures/encodings/${bytes.fixture}`, import.meta.url)));
}

describe('legacy encodings at import (issue 14)', () => {
  for (const c of ENCODING_CASES) {
    it(c.name, () => {
      const options = { ...(c.chosen ? { encoding: c.chosen } : {}), ...(c.declared ? { declaredCharset: c.declared } : {}) };
      const run = (): ReturnType<typeof decodeTextWithEncoding> => decodeTextWithEncoding(bytesOf(c.bytes), options);
      if ('refused' in c.expect) {
        let error: unknown;
        try {
          run();
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(ImportInputError);
        const reason = (error as ImportInputError).reason;
        expect(reason.kind).toBe(c.expect.refused);
        if (c.expect.candidates && reason.kind === 'uncertain-encoding') expect([...reason.candidates].sort()).toEqual([...c.expect.candidates].sort());
        return;
      }
      const decoded = run();
      expect(decoded.text).toBe('fixtureText' in c.expect ? FIXTURE_TEXT : c.expect.text);
      if (c.expect.encoding === null) expect(decoded.encoding).toBeNull();
      else {
        expect(decoded.encoding).toEqual({
          name: c.expect.encoding,
          how: c.chosen ? 'chosen' : 'detected',
          ...(c.expect.garbled ? { garbled: true } : {}),
        });
      }
    });
  }

  for (const guard of ENCODING_GUARDS) {
    it(`leaves alone: ${guard.name}`, () => {
      expect(decodeTextWithEncoding(bytesOf(guard.bytes))).toEqual({ text: guard.text, encoding: null });
    });
  }

  it('every UTF-8 file among the importers\' and hostile fixtures decodes exactly as a plain UTF-8 decoder reads it', () => {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    const root = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
    let checked = 0;
    for (const file of [...walk(join(root, 'importers')), ...walk(join(root, 'hostile'))]) {
      const bytes = new Uint8Array(readFileSync(file));
      let plain: string;
      try {
        plain = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        continue;
      }
      if (plain.includes('\u0000')) continue;
      let decoded: ReturnType<typeof decodeTextWithEncoding>;
      try {
        decoded = decodeTextWithEncoding(bytes);
      } catch (error) {
        // Binary-looking fixtures (control characters) are refused as before, never for their encoding.
        expect((error as ImportInputError).reason.kind, file).toBe('binary');
        continue;
      }
      expect(decoded, file).toEqual({ text: plain, encoding: null });
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('the fixtures on disk are what the generator makes from the tables', () => {
    for (const fixture of encodingFixtures()) {
      const onDisk = new Uint8Array(readFileSync(new URL(`../../../fixtures/encodings/${fixture.file}`, import.meta.url)));
      expect(Buffer.from(onDisk).equals(Buffer.from(fixture.bytes)), fixture.file).toBe(true);
    }
  });

  it('the Windows-1258 table agrees with the WHATWG one every browser and Node ship', () => {
    // The nine bytes CP1258.TXT leaves undefined are U+FFFD in one and C1 controls in the other; never text.
    let undefinedBytes = 0;
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const ours = decodeSingleByte(Uint8Array.of(byte), 'windows-1258');
      if (ours === '\ufffd') undefinedBytes++;
      else expect(ours, byte.toString(16)).toBe(new TextDecoder('windows-1258').decode(Uint8Array.of(byte)).normalize('NFC'));
    }
    expect(undefinedBytes).toBe(9);
  });

  it('the TCVN3 and VNI tables give the byte strings archives are known by', () => {
    // Independent of the generator: words as they appear in TCVN3 and VNI files seen through Windows-1252.
    const tcvn3 = { 'ViÖt Nam': 'Việt Nam', 'ng­êi': 'người', '®­îc': 'được', 'Quèc héi': 'Quốc hội', 'gióp ®ì': 'giúp đỡ', 'kü thuËt': 'kỹ thuật' };
    for (const [garbled, text] of Object.entries(tcvn3)) {
      expect(decodeTextWithEncoding(new TextEncoder().encode(garbled), { encoding: 'tcvn3' }).text).toBe(text);
    }
    const vni = { 'Vieät Nam': 'Việt Nam', 'ngöôøi': 'người', 'ñöôïc': 'được', 'Quoác hoäi': 'Quốc hội', 'tænh': 'tỉnh', 'nghó': 'nghĩ', 'ÑAØ NAÜNG': 'ĐÀ NẴNG' };
    for (const [garbled, text] of Object.entries(vni)) {
      expect(decodeTextWithEncoding(new TextEncoder().encode(garbled), { encoding: 'vni' }).text).toBe(text);
    }
  });
});
