// Every import between the project's own source files, read with the TypeScript parser: static
// imports, re-exports, dynamic `import()`, `import('x').T` types and `require()`, type-only ones too.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Repository-relative, '/'-separated. */
  from: string;
  to: string;
  /** The specifier as written. */
  specifier: string;
  /** Erased at compile time: `import type`, `export type`, or every named binding marked `type`. */
  typeOnly: boolean;
  line: number;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'release', 'test-results', 'playwright-report', '.git']);

/** Every .ts source file under `root`, repository-relative, sorted. */
export function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

export interface WrittenImport {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

/** Every module specifier a TypeScript source names, package imports included. */
export function importsOf(fileName: string, text: string): WrittenImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: WrittenImport[] = [];
  const add = (literal: ts.Expression | undefined, typeOnly: boolean): void => {
    if (literal && ts.isStringLiteralLike(literal)) {
      found.push({ specifier: literal.text, typeOnly, line: source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1 });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const allNamedAreTypes =
        !!clause && !clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, !!clause && (clause.isTypeOnly || allNamedAreTypes));
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const allNamedAreTypes = !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || allNamedAreTypes);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    } else if (ts.isCallExpression(node)) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isDynamicImport || isRequire) add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The project files `from` imports. Package imports (bare names, `node:`) are not edges here; a
 * relative import of a file that does not exist is reported as such by `unresolved`.
 */
export function importGraph(root: string, files: readonly string[] = sourceFiles(root)): { edges: ImportEdge[]; unresolved: ImportEdge[] } {
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  const unresolved: ImportEdge[] = [];
  for (const file of files) {
    for (const raw of importsOf(file, readFileSync(join(root, file), 'utf8'))) {
      if (!raw.specifier.startsWith('.')) continue;
      const target = resolveSpecifier(file, raw.specifier, known);
      const edge: ImportEdge = {
        from: file,
        to: target ?? posix.normalize(posix.join(posix.dirname(file), raw.specifier)),
        specifier: raw.specifier,
        typeOnly: raw.typeOnly,
        line: raw.line,
      };
      if (target) edges.push(edge);
      // Assets (CSS, JSON) are not modules of a layer; only a missing .ts/.js is a broken import.
      else if (/\.(ts|js)$/.test(raw.specifier) || !/\.[a-z]+$/i.test(raw.specifier)) unresolved.push(edge);
    }
  }
  return { edges, unresolved };
}

function resolveSpecifier(from: string, specifier: string, known: ReadonlySet<string>): string | null {
  const base = posix.normalize(posix.join(dirname(from).split(sep).join('/'), specifier));
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`];
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

/**
 * The cycles of a directed graph, one per strongly connected component (Tarjan), each as a path
 * that starts and ends at the same node: a → b → c → a.
 */
export function findCycles(nodes: Iterable<string>, next: (node: string) => Iterable<string>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const target of next(node)) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = [...next(node)].includes(node);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const node of nodes) if (!index.has(node)) connect(node);
  return components.map((component) => cyclePath(new Set(component), next));
}

/** A shortest way round a strongly connected component, from its first node (sorted) back to it. */
function cyclePath(component: ReadonlySet<string>, next: (node: string) => Iterable<string>): string[] {
  const start = [...component].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of next(node)) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let step: string | undefined = node; step !== undefined && step !== start; step = cameFrom.get(step)) path.splice(1, 0, step);
        return [...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}
