import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import type { Message, ProgramMessage } from '@lit/localize-tools/lib/messages.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import type { RuntimeOutputConfig } from '@lit/localize-tools/lib/types/modes.js';
import type { Locale } from '@lit/localize-tools/lib/types/locale.js';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * The UI is written in Vietnamese and translated to English through @lit/localize. These tests read
 * the renderer the way `lit-localize extract` does and fail when a message has no English, when the
 * catalogue or the generated module is stale (extract/build not run), or when Vietnamese text in the
 * renderer is not wrapped in msg() at all. Regenerate with:
 *   npx lit-localize extract   # adds new messages to renderer/localization/xliff/en.xlf
 *   (write each new <target>)
 *   npx lit-localize build     # writes renderer/localization/generated/en.ts
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const XLIFF = `${root}renderer/localization/xliff/en.xlf`;
const GENERATED = `${root}renderer/localization/generated/en.ts`;

/** Letters only Vietnamese uses among the app's languages: an English text containing one was not translated. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
/** Text that is rightly the same in English and Vietnamese (placeholders left out). */
const SAME_IN_BOTH = new Set(['Sepia', 'px']);
/** Vietnamese literals shown as they are in every language: the language's own name in the language menu. */
const NOT_TRANSLATED = new Set(['Tiếng Việt']);

function text(message: Message): string {
  return message.contents.map((part) => (typeof part === 'string' ? part : '')).join('');
}

let localizer: RuntimeLitLocalizer;
let messages: ProgramMessage[];
let english: Map<string, Message>;
let validationErrors: string[];

beforeAll(() => {
  const config = readConfigFileAndWriteSchema(`${root}lit-localize.json`);
  localizer = new RuntimeLitLocalizer(config as typeof config & { output: RuntimeOutputConfig });
  const extracted = localizer.extractSourceMessages();
  expect(extracted.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  messages = extracted.messages;
  english = new Map((localizer.readTranslationsSync().translations.get('en' as Locale) ?? []).map((m) => [m.name, m]));
  validationErrors = localizer.validateTranslations().errors;
  // Type-checking the whole renderer to extract its messages takes tens of seconds on a loaded machine.
}, 180_000);

describe('English catalogue', () => {
  it('finds the renderer’s messages', () => {
    expect(messages.length).toBeGreaterThan(100);
  });

  it('translates every message extracted from the renderer', () => {
    const untranslated = messages.filter((m) => !text(english.get(m.name) ?? { name: m.name, contents: [] }).trim()).map((m) => `${m.name}: ${text(m)}`);
    expect(untranslated, 'run `lit-localize extract`, then write a <target> for each').toEqual([]);
  });

  it('gives every <trans-unit> in the XLIFF a non-empty <target>', () => {
    const xliff = readFileSync(XLIFF, 'utf8');
    const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
    expect(units.length).toBeGreaterThan(0);
    const empty = units.filter(([, , body]) => !/<target>(?!\s*<\/target>)[\s\S]+?<\/target>/.test(body!)).map(([, id]) => id);
    expect(empty).toEqual([]);
  });

  it('keeps the placeholders of each message in its translation', () => {
    expect(validationErrors).toEqual([]);
  });

  it('is English, not the Vietnamese copied over', () => {
    const copied = messages.flatMap((m) => {
      const target = english.get(m.name);
      if (!target) return [];
      const translated = text(target);
      // Vietnamese quoted as an example (“đàm phán”) is meant to stay.
      return VIETNAMESE.test(translated.replace(/“[^”]*”/g, '')) || (translated === text(m) && !SAME_IN_BOTH.has(translated.trim())) ? [`${m.name}: ${translated}`] : [];
    });
    expect(copied).toEqual([]);
  });

  it('is built: generated/en.ts holds exactly the extracted ids, each with its current translation', () => {
    const generated = readFileSync(GENERATED, 'utf8').replace(/\\`/g, '`');
    const entries = new Map([...generated.matchAll(/^\s*'([^']+)': ([\s\S]*?),$/gm)].map(([, id, value]) => [id!, value!]));
    expect([...entries.keys()].sort(), 'run `lit-localize build`').toEqual(messages.map((m) => m.name).sort());
    const stale = messages.filter((m) => {
      const target = english.get(m.name);
      const value = entries.get(m.name) ?? '';
      if (!target) return false;
      // A plain message is generated as exactly its text; one with placeholders holds each piece of it.
      if (target.contents.every((part) => typeof part === 'string')) return value !== `\`${text(target).replace(/\$\{/g, '\\${')}\``;
      return target.contents.some((part) => typeof part === 'string' && !value.includes(part.replace(/\$\{/g, '\\${')));
    });
    expect(stale.map((m) => m.name), 'run `lit-localize build`').toEqual([]);
  });
});

describe('renderer source', () => {
  it('wraps every Vietnamese string in msg()', () => {
    const files = new Set(messages.map((m) => m.file.fileName));
    // The extractor's own file list: every renderer module, including ones without a single msg().
    const program = (localizer as unknown as { program: ts.Program }).program;
    const sources = program.getSourceFiles().filter((f) => f.fileName.startsWith(`${root}renderer/`) && !f.fileName.includes('/localization/generated/'));
    expect(sources.length).toBeGreaterThanOrEqual(files.size);
    const bare: string[] = [];
    const visit = (node: ts.Node, file: ts.SourceFile, inMsg: boolean): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg') {
        node.arguments.forEach((arg) => visit(arg, file, true));
        return;
      }
      // Style sheets hold no UI text, only comments that may quote Vietnamese letters.
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') return;
      let literal: string | null = null;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literal = node.text;
      else if (ts.isTemplateExpression(node)) literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
      if (literal !== null) literal = literal.replace(/<!--[\s\S]*?-->/g, '');
      if (literal !== null && !inMsg && VIETNAMESE.test(literal) && !NOT_TRANSLATED.has(literal.trim())) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        bare.push(`${relative(root, file.fileName)}:${line + 1}: ${literal.trim().slice(0, 60)}`);
      }
      ts.forEachChild(node, (child) => visit(child, file, inMsg));
    };
    for (const file of sources) visit(file, file, false);
    expect(bare).toEqual([]);
  });
});
