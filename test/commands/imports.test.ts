import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Fast start: the commands that do not draw must not load the renderers (vega, vega-lite, resvg,
// arquero) nor DuckDB, nor ajv (loaded on first use by src/io/schema.ts), nor undici (first download, src/fetch/http.ts). This walks the *static*
// import graph of the sources with the TypeScript parser — type-only imports are erased at compile
// time and `import()` calls run only when reached, so neither counts — and proves those packages
// are not in it. (Structure, not timing.)
const ROOT = resolve(import.meta.dirname, '..', '..');
const HEAVY = ['vega', 'vega-lite', '@resvg/resvg-js', 'arquero', '@duckdb/node-api', 'ajv', 'undici'];

/** Bare package names statically imported by `entry` and everything it imports, with the chain to each. */
function staticGraph(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
    for (const st of src.statements) {
      let spec: string | undefined;
      if (ts.isImportDeclaration(st)) {
        const clause = st.importClause;
        const typeOnly =
          clause !== undefined &&
          (clause.isTypeOnly ||
            (clause.name === undefined && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
        if (!typeOnly) spec = (st.moduleSpecifier as ts.StringLiteral).text;
      } else if (ts.isExportDeclaration(st) && st.moduleSpecifier !== undefined && !st.isTypeOnly) spec = (st.moduleSpecifier as ts.StringLiteral).text;
      if (spec === undefined) continue;
      if (spec.startsWith('.')) {
        const target = join(dirname(file), spec.replace(/\.js$/, '.ts'));
        if (existsSync(target)) visit(target, [...chain, target.slice(ROOT.length + 1)]);
      } else if (!spec.startsWith('node:')) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);
        if (!packages.has(name)) packages.set(name, chain);
      }
    }
  };
  visit(join(ROOT, entry), [entry]);
  return packages;
}

describe('fast start: the import graph of non-drawing commands', () => {
  it('the walker sees the renderers where they are imported (so the check below can fail)', () => {
    const draw = staticGraph('src/render/draw.ts');
    expect([...draw.keys()]).toEqual(expect.arrayContaining(['vega', 'vega-lite', '@resvg/resvg-js']));
    expect([...staticGraph('src/render/wide.ts').keys()]).toContain('arquero');
  });

  it('linkage --help, groups, indicators, compute, check, inspect load no renderer and no DuckDB', () => {
    const graph = staticGraph('src/cli.ts');
    expect(graph.has('commander')).toBe(true);
    for (const heavy of HEAVY) expect(graph.get(heavy), `${heavy} is imported statically via ${graph.get(heavy)?.join(' → ')}`).toBeUndefined();
  });
});

describe('fast start: the CLI loads only the command that runs (issue 8: --help within 0.3 s of node -e 0)', () => {
  it('src/cli.ts statically imports no command module, hence no loader, parser or table renderer', () => {
    const graph = staticGraph('src/cli.ts');
    for (const pkg of ['papaparse', 'fflate', 'table', 'simple-statistics']) expect(graph.get(pkg), `${pkg} is imported statically via ${graph.get(pkg)?.join(' → ')}`).toBeUndefined();
  });
});
