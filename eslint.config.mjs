import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/**
 * The architecture, as lint rules (docs/architecture.md says why):
 * - SQL is written only in the data modules (and the rule modules that own an
 *   SQL fragment, and the two infrastructure modules that run statements);
 * - the rule and schema modules stay pure: no database, no request, no framework;
 * - a client component imports no server module (types excepted).
 */
const SQL_SELECTORS = [
  { selector: 'MemberExpression[property.name=/^\\$(queryRaw|executeRaw)(Unsafe)?$/]', message: 'SQL belongs in a data module (lib/data/).' },
  {
    selector: "MemberExpression[object.name='Prisma'][property.name=/^(sql|raw|join)$/]",
    message: 'SQL belongs in a data module (lib/data/) or a rule module (lib/rules/).',
  },
];

const SERVER_ONLY = [
  'server-only',
  'next/headers',
  'next/cache',
  '**/lib/server/*',
  '**/lib/data/*',
  '**/lib/transfer/**',
  '**/server/*',
  '**/data/*',
  '**/transfer/**',
];

/** A file that starts with 'use client' may import server modules' types only. */
const clientBoundary = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { server: "A client component cannot import '{{source}}': pass the data in as props, or import types only." },
  },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some((n) => n.type === 'ExpressionStatement' && n.directive === 'use client');
    if (!isClient) return {};
    const forbidden = (source) =>
      source === 'server-only' || source === 'next/headers' || source === 'next/cache' || /(^|\/)lib\/(server|data|transfer)(\/|$)/.test(source);
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type' || node.specifiers.every((s) => s.importKind === 'type')) return;
        if (forbidden(node.source.value)) context.report({ node, messageId: 'server', data: { source: node.source.value } });
      },
    };
  },
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: ['lib/generated/**', '.next/**', '.data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  { plugins: { portal: { rules: { 'client-boundary': clientBoundary } } }, rules: { 'portal/client-boundary': 'error' } },
  {
    files: ['app/**', 'components/**', 'lib/transfer/**', 'lib/schemas/**', 'lib/i18n/**', 'lib/server/**'],
    ignores: ['lib/server/db.ts', 'lib/server/sql.ts'],
    rules: { 'no-restricted-syntax': ['error', ...SQL_SELECTORS] },
  },
  {
    files: ['lib/rules/**', 'lib/schemas/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...SERVER_ONLY, 'next/*', 'react', 'react-dom'], message: 'Rule and schema modules are pure: no database, request or framework.' },
          ],
        },
      ],
    },
  },
];

export default config;
